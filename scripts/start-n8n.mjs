// `npm start`: a local n8n (SQLite, http://localhost:5678) with this package installed as a
// community package and the bundled workflow templates imported, ready to sign in.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureN8nRuntime } = require('./n8n-runtime.js');
const { installPackageInto, repoRoot } = require('./install-package.js');
const { startN8nServer } = require('./n8n-server.js');

const userFolder = process.env.N8N_PINTEREST_USER_FOLDER ?? join(repoRoot, '.n8n-local');
const port = Number(process.env.N8N_PORT ?? 5678);

const { nodeBin, n8nBin } = ensureN8nRuntime();
mkdirSync(join(userFolder, '.n8n'), { recursive: true });
installPackageInto(userFolder);

const env = {
	PATH: `${join(nodeBin, '..')}:${process.env.PATH}`,
	HOME: process.env.HOME,
	N8N_USER_FOLDER: userFolder,
	GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE ?? 'UTC',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_DISABLED_MODULES: 'mcp-registry',
	N8N_SECURE_COOKIE: 'false',
};

const templates = readdirSync(join(repoRoot, 'workflows')).filter((file) => file.endsWith('.json'));
for (const file of templates) {
	execFileSync(nodeBin, [n8nBin, 'import:workflow', `--input=${join(repoRoot, 'workflows', file)}`], {
		env,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

const server = await startN8nServer({ env, port, brokerPort: port + 1, inheritOutput: true });
process.stdout.write(
	`\nn8n is running at http://localhost:${port}\n` +
		`Sign in as ${server.owner.email} / ${server.owner.password} (local owner account).\n` +
		`Installed: n8n-nodes-pinterest-ads (Pinterest Ad Spend, Pinterest Conversions), ${templates.length} templates.\n` +
		'Press Ctrl+C to stop.\n',
);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		await server.stop();
		process.exit(0);
	});
}
