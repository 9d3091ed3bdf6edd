// `npm start`: a local n8n on this machine only (127.0.0.1), with this package installed as a
// community package and the bundled workflow templates imported, ready to sign in.
//
// The owner account is set up once, on the first start, with a random password kept in the local
// data folder (readable only by this user); later starts leave the account as the user left it.
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

/** Sets the owner up through n8n's first-run setup when there is none yet; returns the password. */
async function setUpOwnerOnce(server) {
	const settings = await server.call('/rest', 'GET', '/settings');
	if (!settings.body?.data?.userManagement?.showSetupOnFirstLoad) return undefined;
	const password = randomPassword();
	const setup = await server.call('/rest', 'POST', '/owner/setup', {
		email: OWNER_EMAIL,
		firstName: 'Local',
		lastName: 'Owner',
		password,
	});
	if (setup.status !== 200)
		throw new StartError(`Setting up the owner account failed (HTTP ${setup.status}).`);
	fs.writeFileSync(ownerFile, `email: ${OWNER_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
	return password;
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
	const server = await startN8nServer({
		env,
		port,
		brokerPort,
		owner: null,
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
	const newPassword = await setUpOwnerOnce(server);
	process.stdout.write(
		`\nn8n is running at ${server.url} (this machine only; never expose it to a network).\n` +
			(newPassword
				? `Sign in as ${OWNER_EMAIL} with password ${newPassword}\n(kept in ${ownerFile}, readable only by you; change it in n8n under Settings → Personal).\n`
				: `Sign in with your owner account (first password: ${ownerFile}).\n`) +
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
		'Postback URL for an affiliate network or tracker (the README lists every parameter):',
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
