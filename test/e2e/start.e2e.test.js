// `npm start` as a user runs it: the first start gives n8n the owner with a random password kept
// private (before n8n listens: nobody can claim the instance first), imports the templates and
// serves n8n on loopback; a second start while it runs says the port is taken; a later start
// reuses the account and imports nothing twice.
const { spawn } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { freePort } = require('../../scripts/free-port');
const { e2eContext, noContractViolationsAfterEach } = require('../harness/e2eContext');

// Nothing here calls Pinterest; the check still runs, as in every end-to-end file.
noContractViolationsAfterEach(e2eContext());

const repoRoot = join(__dirname, '..', '..');
const templateIds = readdirSync(join(repoRoot, 'workflows'))
	.filter((file) => file.endsWith('.json'))
	.map((file) => JSON.parse(readFileSync(join(repoRoot, 'workflows', file), 'utf8')).id)
	.sort();

function npmStart(env) {
	const child = spawn('node', [join(repoRoot, 'scripts', 'start-n8n.js')], {
		env: { ...process.env, ...env },
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const exited = new Promise((resolve) => child.on('exit', resolve));
	return {
		child,
		exited,
		output: () => ({ stdout, stderr }),
		async ready() {
			while (!stdout.includes('Press Ctrl+C to stop.')) {
				if (child.exitCode !== null)
					throw new Error(`npm start exited ${child.exitCode}:\n${stderr}`);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		},
		async stop() {
			child.kill('SIGINT');
			return exited;
		},
	};
}

/** The local addresses listening on a TCP port, from the kernel's socket tables. */
function listeningAddresses(port) {
	const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
	return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
		readFileSync(table, 'utf8')
			.split('\n')
			.slice(1)
			.map((line) => line.trim().split(/\s+/))
			.filter(([, local, , state]) => state === '0A' && local?.endsWith(`:${hexPort}`))
			.map(([, local]) => local.split(':')[0]),
	);
}

async function signIn(port, password, email = 'owner@example.com') {
	const response = await fetch(`http://127.0.0.1:${port}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	return {
		status: response.status,
		cookie: (response.headers.get('set-cookie') ?? '').split(';')[0],
	};
}

/**
 * Another local user's attempt to claim the instance: first-run setup, tried from the moment the
 * port listens until `stop()`. Returns the HTTP statuses it got, or 'claimed' for a successful claim.
 */
function claimAttempts(port) {
	const statuses = [];
	let running = true;
	const loop = (async () => {
		while (running) {
			try {
				const response = await fetch(`http://127.0.0.1:${port}/rest/owner/setup`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({
						email: 'intruder@example.com',
						firstName: 'In',
						lastName: 'Truder',
						password: 'Intruder-password-1',
					}),
				});
				// While its database is migrating, n8n answers every path 200 "n8n is starting up. Please wait":
				// only an answer naming the intruder's account is a claim.
				const body = await response.text();
				statuses.push(
					response.status === 200 && body.includes('intruder@example.com')
						? 'claimed'
						: response.status,
				);
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	})();
	return async () => {
		running = false;
		await loop;
		return statuses;
	};
}

test('npm start: owner once, templates once, loopback only, clear port message', async () => {
	let port = await freePort();
	while (port > 65000) port = await freePort();
	const env = {
		N8N_PORT: String(port),
		N8N_PINTEREST_USER_FOLDER: mkdtempSync(join(tmpdir(), 'n8n-start-')),
	};
	const ownerFile = join(env.N8N_PINTEREST_USER_FOLDER, 'owner-sign-in.txt');

	const first = npmStart(env);
	const stopClaiming = claimAttempts(port);
	try {
		await first.ready();
		// n8n had its owner before it answered anything: every attempt to claim it was refused.
		const claims = await stopClaiming();
		expect(claims.length).toBeGreaterThan(0);
		expect(claims.filter((status) => status === 'claimed')).toEqual([]);
		expect((await signIn(port, 'Intruder-password-1', 'intruder@example.com')).status).toBe(401);
		const { stdout } = first.output();
		expect(stdout).toContain(`n8n is running at http://localhost:${port} (this machine only;`);
		const password = /Sign in as owner@example\.com with password (\S+)\n/.exec(stdout)[1];
		expect(stdout).toContain(
			`Your Pinterest app's redirect URL: http://localhost:${port}/rest/oauth2-credential/callback\n`,
		);
		expect(stdout).toContain(
			`  http://localhost:${port}/webhook/pinterest-postback?secret=<your secret>&order_id=`,
		);
		expect(password).toMatch(/^Pn8-[A-Za-z0-9_-]{32}-7$/);
		expect(stdout).toContain(
			`(kept in ${ownerFile}, readable only by you).\n` +
				'n8n takes the owner account from that file at every start: to change the password, edit the file and start again.\n',
		);
		expect(readFileSync(ownerFile, 'utf8')).toBe(
			`email: owner@example.com\npassword: ${password}\n`,
		);
		expect(statSync(ownerFile).mode & 0o777).toBe(0o600);
		expect(statSync(env.N8N_PINTEREST_USER_FOLDER).mode & 0o777).toBe(0o700);
		expect(listeningAddresses(port)).toEqual(['0100007F']); // 127.0.0.1, nothing else

		const { status, cookie } = await signIn(port, password);
		expect(status).toBe(200);
		expect((await signIn(port, 'Pinterest-n8n-local-1')).status).toBe(401);
		const workflows = await fetch(`http://127.0.0.1:${port}/rest/workflows`, {
			headers: { Cookie: cookie },
		}).then((response) => response.json());
		expect(workflows.data.map((workflow) => workflow.id).sort()).toEqual(templateIds);

		const second = npmStart(env);
		expect(await second.exited).toBe(1);
		expect(second.output().stderr).toBe(
			`Port ${port} (n8n) is already in use, perhaps by an n8n from an earlier npm start. ` +
				'Stop that one, or start on other ports: N8N_PORT=5690 npm start (uses 5690 and 5691).\n',
		);
		expect(await first.stop()).toBe(0);

		const third = npmStart(env);
		try {
			await third.ready();
			expect(third.output().stdout).toContain(
				`Sign in as owner@example.com with the password in ${ownerFile}.\n`,
			);
			expect(third.output().stderr).not.toContain('Importing template');
			const again = await signIn(port, password);
			expect(again.status).toBe(200);
			const listed = await fetch(`http://127.0.0.1:${port}/rest/workflows`, {
				headers: { Cookie: again.cookie },
			}).then((response) => response.json());
			expect(listed.count).toBe(templateIds.length);
		} finally {
			await third.stop();
		}
	} finally {
		await stopClaiming();
		await first.stop();
	}
}, 300_000);

test('npm start refuses a port that is not a number, in one sentence', async () => {
	const start = npmStart({ N8N_PORT: '56x' });
	expect(await start.exited).toBe(1);
	expect(start.output().stderr).toBe(
		'N8N_PORT must be a port number from 1 to 65534, not "56x".\n',
	);
});
