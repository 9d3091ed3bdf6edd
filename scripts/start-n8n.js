// `npm start`: a local n8n on this machine only (127.0.0.1), with this package installed as a
// community package and the bundled workflow templates imported, ready to sign in.
//
// The owner account comes from n8n's environment-managed owner settings (N8N_INSTANCE_OWNER_*),
// which n8n applies before it listens: there is no moment in which another local user could claim
// the instance through first-run setup. Its password is made at random on the first start and kept
// in the local data folder (readable only by this user); every start gives n8n that password again.
// Every failure the user can fix ends in one sentence saying how, never a stack trace.
const { execFile } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const { join } = require('node:path');
const { promisify } = require('node:util');

const { ensureN8nRuntime, RuntimeError } = require('./n8n-runtime');
const { installPackageInto, repoRoot } = require('./install-package');
const { localN8nEnv, startN8nServer } = require('./n8n-server');
const { writePrivateFile } = require('./private-file');

const userFolder = process.env.N8N_PINTEREST_USER_FOLDER ?? join(repoRoot, '.n8n-local');
const ownerFile = join(userFolder, 'owner-sign-in.txt');
const importedFile = join(userFolder, 'imported-templates.json');
const OWNER_EMAIL = 'owner@example.com';

class StartError extends RuntimeError {}

function parsePort(text) {
	const port = Number(text);
	if (!Number.isInteger(port) || port < 1 || port > 65534) {
		throw new StartError(`N8N_PORT must be a port number from 1 to 65534, not "${text}".`);
	}
	return port;
}

function assertPortFree(port, what) {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', (error) =>
			reject(
				new StartError(
					error.code === 'EADDRINUSE'
						? `Port ${port} (${what}) is already in use, perhaps by an n8n from an earlier npm start. ` +
								'Stop that one, or start on other ports: N8N_PORT=5690 npm start (uses 5690 and 5691).'
						: `Cannot listen on 127.0.0.1:${port} (${error.code}). Pick another port: N8N_PORT=5690 npm start.`,
				),
			),
		);
		probe.listen(port, '127.0.0.1', () => probe.close(resolve));
	});
}

/** Imports each bundled template once: a later start neither duplicates nor overwrites it. */
async function importNewTemplates(env, { nodeBin, n8nBin }) {
	const imported = fs.existsSync(importedFile)
		? JSON.parse(fs.readFileSync(importedFile, 'utf8'))
		: {};
	const files = fs
		.readdirSync(join(repoRoot, 'workflows'))
		.filter((file) => file.endsWith('.json'));
	for (const file of files) {
		const path = join(repoRoot, 'workflows', file);
		const { id } = JSON.parse(fs.readFileSync(path, 'utf8'));
		if (imported[id]) continue;
		process.stderr.write(`Importing template ${file}…\n`);
		await promisify(execFile)(nodeBin, [n8nBin, 'import:workflow', `--input=${path}`], { env });
		imported[id] = file;
		fs.writeFileSync(importedFile, JSON.stringify(imported, null, '\t'));
	}
	return files.length;
}

/** A password n8n accepts (8–64 characters, a digit and a capital letter), 24 random bytes. */
const randomPassword = () => `Pn8-${randomBytes(24).toString('base64url')}-7`;

/**
 * The owner's password from the sign-in file, made and kept there on the first start. Returns
 * `{ password, created }`.
 */
function ownerPassword() {
	if (!fs.existsSync(ownerFile)) {
		const password = randomPassword();
		writePrivateFile(ownerFile, `email: ${OWNER_EMAIL}\npassword: ${password}\n`);
		return { password, created: true };
	}
	// A file from an older start may have a wider mode: it holds the owner's password.
	fs.chmodSync(ownerFile, 0o600);
	const password = /^password: (.*)$/m.exec(fs.readFileSync(ownerFile, 'utf8'))?.[1]?.trim() ?? '';
	if (password.length < 8) {
		throw new StartError(
			`${ownerFile} has no "password: " line with 8 or more characters: fix that line, or delete the file to get a new random password.`,
		);
	}
	return { password, created: false };
}

async function main() {
	const port = parsePort(process.env.N8N_PORT ?? '5678');
	const brokerPort = port + 1;
	await assertPortFree(port, 'n8n');
	await assertPortFree(brokerPort, "n8n's task runner broker");
	const runtime = await ensureN8nRuntime();
	fs.mkdirSync(join(userFolder, '.n8n'), { recursive: true, mode: 0o700 });
	fs.chmodSync(userFolder, 0o700);
	process.stderr.write('Building and installing n8n-nodes-pinterest-ads…\n');
	installPackageInto(userFolder);

	const env = localN8nEnv(userFolder);
	const templates = await importNewTemplates(env, runtime);
	const { password, created } = ownerPassword();
	const server = await startN8nServer({
		env,
		port,
		brokerPort,
		owner: { email: OWNER_EMAIL, password, firstName: 'Local', lastName: 'Owner' },
		host: 'localhost',
		inheritOutput: true,
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, async () => {
			await server.stop();
			process.exit(0);
		});
	}
	server.child.on('exit', (code) => {
		process.stderr.write(`n8n stopped (exit code ${code}).\n`);
		process.exit(code ?? 1);
	});
	process.stdout.write(
		`\nn8n is running at ${server.url} (this machine only; never expose it to a network).\n` +
			(created
				? `Sign in as ${OWNER_EMAIL} with password ${password}\n(kept in ${ownerFile}, readable only by you).\n`
				: `Sign in as ${OWNER_EMAIL} with the password in ${ownerFile}.\n`) +
			'n8n takes the owner account from that file at every start: to change the password, edit the file and start again.\n' +
			`Installed: n8n-nodes-pinterest-ads (Pinterest Ad Spend, Pinterest Conversions, ClickBank Trigger) and ${templates} templates.\n` +
			nextSteps(server.url) +
			'Press Ctrl+C to stop.\n',
	);
}

/** What to set up next: the credentials the templates need and the URLs to give the networks. */
function nextSteps(url) {
	return [
		'',
		'Next: create these credentials (Overview → Credentials → Create credential), then open each template,',
		'pick them, set `secret` in its Settings node and Publish:',
		`  - Pinterest Ads OAuth2 API: for spend. Your Pinterest app's redirect URL: ${url}/rest/oauth2-credential/callback`,
		'  - Pinterest Conversions API: the conversion token from Ads Manager (Conversions → Set up API)',
		'  - ClickBank INS API: the secret key from your ClickBank account settings',
		'Postback URL for an affiliate network or tracker (the README lists its parameters):',
		`  ${url}/webhook/pinterest-postback?secret=<your secret>&order_id={order_id}&value={payout}&currency=USD` +
			'&click_id={epik}&traffic_source=pinterest&campaign_id={campaignid}&ad_id={adid}',
		'Networks reach only a public n8n: on yours, use its https:// address in place of this local one.',
		'',
	].join('\n');
}

main().catch((error) => {
	process.stderr.write(
		`${error instanceof RuntimeError ? error.message : `npm start failed: ${error.message}`}\n`,
	);
	process.exit(1);
});
