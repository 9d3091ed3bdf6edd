// Drives a real n8n (2.41 by default; any runtime of n8n-runtime.js) through its CLI, for the tests and the
// benchmark: a user folder, the environment that keeps n8n offline, imports and manual executions.
const { execFile } = require('node:child_process');
const { mkdirSync, writeFileSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { defaultRuntime } = require('./n8n-runtime');
const { versionEnv } = require('./n8n-server');

const ENCRYPTION_KEY = 'e2e-fixed-encryption-key-not-secret';

/** Settings that keep n8n quiet and offline: no telemetry, update checks or network calls from a test run. */
function n8nEnv(userFolder, extra = {}, runtime = defaultRuntime) {
	const { nodeBin } = runtime.runtimePaths();
	return {
		PATH: `${join(nodeBin, '..')}:${process.env.PATH}`,
		HOME: process.env.HOME,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		GENERIC_TIMEZONE: 'UTC',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		...versionEnv(runtime),
		// A CLI command's task broker; callers running CLIs side by side give each its own (`brokerPort`).
		N8N_RUNNERS_BROKER_PORT: '15679',
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '2',
		...extra,
	};
}

class N8nCli {
	constructor(userFolder, { runtime = defaultRuntime, brokerPort } = {}) {
		this.userFolder = userFolder;
		this.runtime = runtime;
		// CLIs that may run side by side (the end-to-end lanes, another runtime's) each get their own broker port.
		this.baseEnv = brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {};
		this.scratch = mkdtempSync(join(tmpdir(), 'n8n-e2e-files-'));
		this.fileCounter = 0;
	}

	/** Runs `n8n <args>`; resolves { code, stdout, stderr } whatever the exit code. */
	run(args, { env = {}, timeoutMs = 170_000 } = {}) {
		const { nodeBin, n8nBin } = this.runtime.runtimePaths();
		return new Promise((resolve) => {
			execFile(
				nodeBin,
				[n8nBin, ...args],
				{
					env: n8nEnv(this.userFolder, { ...this.baseEnv, ...env }, this.runtime),
					timeout: timeoutMs,
					maxBuffer: 512 * 1024 * 1024,
				},
				(error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
			);
		});
	}

	async runOrThrow(args) {
		const result = await this.run(args);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`,
			);
		}
		return result;
	}

	writeJson(prefix, value) {
		const file = join(this.scratch, `${prefix}-${++this.fileCounter}.json`);
		writeFileSync(file, JSON.stringify(value));
		return file;
	}

	async importCredentials(credentials) {
		await this.runOrThrow([
			'import:credentials',
			`--input=${this.writeJson('credentials', credentials)}`,
		]);
	}

	async importWorkflow(workflow) {
		await this.runOrThrow(['import:workflow', `--input=${this.writeJson('workflow', workflow)}`]);
	}

	/** Decrypted credentials as n8n stored them (e.g. to see a refreshed token). */
	async exportCredentials() {
		const file = join(this.scratch, `export-${++this.fileCounter}.json`);
		await this.runOrThrow(['export:credentials', '--all', '--decrypted', `--output=${file}`]);
		return require(file);
	}

	/**
	 * `n8n execute --id`: the workflow must start with a Manual Trigger. Returns the run (IRun) with
	 * the exit code; n8n prints log lines first, then the run as JSON from the first line "{".
	 */
	async execute(workflowId) {
		const result = await this.run(['execute', `--id=${workflowId}`, '--rawOutput']);
		// The run is the JSON object from the first line "{" to the next line "}" (a failed run is
		// followed by an error report).
		const start = result.stdout.search(/^\{/m);
		const end = result.stdout.indexOf('\n}', start);
		let run;
		if (start >= 0 && end > start) {
			try {
				run = JSON.parse(result.stdout.slice(start, end + 2));
			} catch {
				run = undefined;
			}
		}
		return { code: result.code, run, stdout: result.stdout, stderr: result.stderr };
	}
}

/** Imports a workflow and runs it once; returns the run plus helpers to read node outputs. */
async function importAndExecute(cli, workflow) {
	await cli.importWorkflow(workflow);
	const result = await cli.execute(workflow.id);
	const runData = result.run?.data?.resultData?.runData ?? {};
	return {
		...result,
		error: result.run?.data?.resultData?.error,
		/** json of every item on output `outputIndex` of the node's first run */
		output(nodeName, outputIndex = 0) {
			const main = runData[nodeName]?.[0]?.data?.main ?? [];
			return (main[outputIndex] ?? []).map((item) => item.json);
		},
		items(nodeName, outputIndex = 0) {
			return runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [];
		},
		nodeError(nodeName) {
			return runData[nodeName]?.[0]?.error;
		},
	};
}

function createUserFolder() {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-e2e-user-'));
	mkdirSync(join(folder, '.n8n'), { recursive: true });
	return folder;
}

module.exports = { N8nCli, importAndExecute, createUserFolder, n8nEnv };
