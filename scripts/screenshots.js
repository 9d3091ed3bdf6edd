// `npm run screenshots`: pictures of the package in the n8n editor for docs/templates.md, taken in a real
// headless Chromium (Debian's `chromium`, driven by playwright-core) against a throwaway local n8n
// with this package and its templates: every template's canvas, each node's settings and the
// credential dialogs. Writes docs/screenshots/*.png.
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { ensureN8nRuntime, RuntimeError } = require('./n8n-runtime');
const { installPackageInto, repoRoot } = require('./install-package');
const { localN8nEnv, startN8nServer } = require('./n8n-server');
const { freePort } = require('./free-port');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outDir = join(repoRoot, 'docs', 'screenshots');
const VIEWPORT = { width: 1440, height: 900 };
// Chromium on a machine without outside network: no background calls home, no sandbox as root.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** A workflow with one of each of the package's nodes, for their settings panels. */
const nodesWorkflow = {
	id: 'pinScreenshots01',
	name: 'Package nodes',
	nodes: [
		node('Pinterest Ad Spend', 'pinterestAdSpend', [0, 0]),
		node('Pinterest Conversions', 'pinterestConversions', [300, 0]),
		node('ClickBank Trigger', 'clickBankTrigger', [0, 250], {
			webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		}),
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

function node(name, type, position, extra = {}) {
	return {
		id: `shot-${type}`,
		name,
		type: `n8n-nodes-pinterest-ads.${type}`,
		typeVersion: 1,
		position,
		parameters: {},
		...extra,
	};
}

async function main() {
	if (!fs.existsSync(CHROMIUM)) {
		throw new RuntimeError(
			`Chromium was not found at ${CHROMIUM}. Install Debian's package (apt-get install chromium) ` +
				'or set CHROMIUM_PATH, then run again.',
		);
	}
	const { chromium } = require('playwright-core');
	const runtime = await ensureN8nRuntime();
	const userFolder = fs.mkdtempSync(join(tmpdir(), 'n8n-screenshots-'));
	fs.mkdirSync(join(userFolder, '.n8n'), { recursive: true });
	installPackageInto(userFolder);
	const env = localN8nEnv(userFolder);
	const scratch = join(userFolder, 'nodes-workflow.json');
	fs.writeFileSync(scratch, JSON.stringify(nodesWorkflow));
	const templates = fs
		.readdirSync(join(repoRoot, 'workflows'))
		.filter((file) => file.endsWith('.json'))
		.map((file) => ({
			file,
			...JSON.parse(fs.readFileSync(join(repoRoot, 'workflows', file), 'utf8')),
		}));
	for (const path of [...templates.map((t) => join(repoRoot, 'workflows', t.file)), scratch]) {
		execFileSync(runtime.nodeBin, [runtime.n8nBin, 'import:workflow', `--input=${path}`], {
			env,
			stdio: 'ignore',
		});
	}
	const owner = {
		email: 'owner@example.com',
		password: `Pn8-${randomBytes(18).toString('base64url')}-7`,
		firstName: 'Media',
		lastName: 'Buyer',
	};
	// n8n's usual port where it is free, so URLs in the pictures look like a user's.
	const server = await startN8nServer({
		env,
		owner,
		host: 'localhost',
		port: await freePort(5678),
	});
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	fs.mkdirSync(outDir, { recursive: true });
	const taken = [];
	try {
		const page = await browser.newPage({ viewport: VIEWPORT });
		await signIn(page, server.url, owner);
		const shoot = async (name) => {
			await page.waitForTimeout(800);
			await page.screenshot({ path: join(outDir, `${name}.png`) });
			taken.push(`${name}.png`);
		};

		for (const template of templates) {
			await openWorkflow(page, server.url, template.id);
			await shoot(`template-${template.file.replace(/\.json$/, '')}`);
		}
		await openWorkflow(page, server.url, nodesWorkflow.id);
		for (const { name, type } of nodesWorkflow.nodes.map((n) => ({
			name: n.name,
			type: n.type.split('.')[1],
		}))) {
			await openNode(page, name);
			await shoot(`node-${type}`);
			await page.keyboard.press('Escape');
		}
		for (const credential of [
			'Pinterest Ads OAuth2 API',
			'Pinterest Conversions API',
			'ClickBank INS API',
		]) {
			await openNewCredential(page, server.url, credential);
			await shoot(`credential-${credential.toLowerCase().replace(/\s+/g, '-')}`);
		}
	} finally {
		await browser.close();
		await server.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	process.stdout.write(
		`Wrote ${taken.length} screenshots to ${outDir}:\n${taken.map((f) => `  ${f}`).join('\n')}\n`,
	);
}

async function signIn(page, url, owner) {
	await page.goto(`${url}/signin`, { waitUntil: 'networkidle' });
	await page.fill('input[type=email]', owner.email);
	await page.fill('input[type=password]', owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/home\//);
}

async function openWorkflow(page, url, id) {
	await page.goto(`${url}/workflow/${id}`, { waitUntil: 'networkidle' });
	await page.waitForSelector('[data-test-id="canvas-node"]');
	await page.keyboard.press('Shift+1'); // zoom to fit
}

async function openNode(page, name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.waitForSelector('[data-test-id="ndv"]');
}

async function openNewCredential(page, url, displayName) {
	await page.goto(`${url}/home/credentials/create`, { waitUntil: 'networkidle' });
	await page.locator('[data-test-id="new-credential-type-select"] input').fill(displayName);
	await page
		.locator('[data-test-id="new-credential-type-select-option"]', { hasText: displayName })
		.first()
		.click();
	await page.locator('[data-test-id="new-credential-type-button"]').click();
	await page.waitForSelector('[data-test-id="editCredential-modal"]');
}

main().catch((error) => {
	process.stderr.write(
		`${error instanceof RuntimeError ? error.message : `npm run screenshots failed: ${error.message}`}\n`,
	);
	process.exit(1);
});
