// Cleans up after a queue-mode process group whose starter died without calling stop() (a killed
// test run, a crash): started detached by queue-mode.js, it checks every second whether the
// starter still runs. When the starter is gone it ends the processes listed in the state file and
// removes the folders listed there; when the state file is gone (stop() ran) it just exits. It
// kills and deletes what the file lists, so it acts only on a file that this user owns and nobody
// else may write (queue-mode.js creates it 0600 in the shared temporary folder).
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

/** Whether the state file is this user's own and writable by nobody else. */
function trusted(stats) {
	return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

function cleanUp() {
	let state;
	try {
		const fd = fs.openSync(stateFile, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
		try {
			if (!trusted(fs.fstatSync(fd))) return;
			state = JSON.parse(fs.readFileSync(fd, 'utf8'));
		} finally {
			fs.closeSync(fd);
		}
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
