// Cleans up after a queue-mode process group whose starter died without calling stop() (a killed
// test run, a crash): started detached by queue-mode.js, it checks every second whether the
// starter still runs. When the starter is gone it ends the processes listed in the state file and
// removes the folders listed there; when the state file is gone (stop() ran) it just exits.
const fs = require('node:fs');

const [parentPid, stateFile] = process.argv.slice(2);

function alive(pid) {
	try {
		process.kill(Number(pid), 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function cleanUp() {
	let state;
	try {
		state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
	} catch {
		return;
	}
	for (const pid of state.pids ?? []) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	// Give the kernel a moment to release the processes' files before their folders go.
	setTimeout(() => {
		for (const dir of state.dirs ?? []) fs.rmSync(dir, { recursive: true, force: true });
		process.exit(0);
	}, 1000);
}

const timer = setInterval(() => {
	if (!fs.existsSync(stateFile)) {
		clearInterval(timer);
		return;
	}
	if (!alive(parentPid)) {
		clearInterval(timer);
		cleanUp();
	}
}, 1000);
