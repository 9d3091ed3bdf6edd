// Runs a workflow through n8n's CLI with debug logging and hands back n8n's log apart from the run's
// JSON, so a test can check that nothing a user typed (emails, phones) nor any token reaches a log line.

/** Lines of a JavaScript stack trace ("    at fn (file:line)"), which a user must never see. */
const STACK_LINE = /^\s+at .+[(:]/m;
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * At debug level n8n prints every line as "time level message {meta}", the run included: its JSON
 * starts after "info" on the line ending in "{" and ends at the line starting with "}".
 */
function splitRunFromLog(stdout) {
	const lines = stdout.replace(ANSI, '').split('\n');
	const start = lines.findIndex((line) => /^\S+\s+info\s+\{$/.test(line));
	const end = start < 0 ? -1 : lines.findIndex((line, index) => index > start && /^\}/.test(line));
	if (start < 0 || end < 0) return { run: undefined, log: lines.join('\n') };
	let run;
	try {
		run = JSON.parse(['{', ...lines.slice(start + 1, end), '}'].join('\n'));
	} catch {
		run = undefined;
	}
	const log = [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
	return { run, log };
}

/**
 * Imports a workflow and runs it with N8N_LOG_LEVEL=debug. Returns what importAndExecute (scripts/n8n-cli.js)
 * returns, plus `log`: everything n8n printed except the run itself, stderr included.
 */
async function runWithLog(ctx, workflow) {
	await ctx.cli.importWorkflow(workflow);
	const result = await ctx.cli.run(['execute', `--id=${workflow.id}`, '--rawOutput'], {
		env: { N8N_LOG_LEVEL: 'debug' },
	});
	const { run, log } = splitRunFromLog(result.stdout);
	const runData = run?.data?.resultData?.runData ?? {};
	return {
		code: result.code,
		run,
		stdout: result.stdout,
		stderr: result.stderr,
		log: `${log}\n${result.stderr.replace(ANSI, '')}`,
		error: run?.data?.resultData?.error,
		output(nodeName, outputIndex = 0) {
			return this.items(nodeName, outputIndex).map((item) => item.json);
		},
		items(nodeName, outputIndex = 0) {
			return runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [];
		},
		nodeError(nodeName) {
			return runData[nodeName]?.[0]?.error;
		},
	};
}

/**
 * The log without the error report `n8n execute` itself prints when a run fails (entries from the
 * CLI command, which n8n gives the error's stack whatever node threw): a server run has no such
 * report. Everything else, the node's own entries and the engine's, is kept.
 */
function withoutCliErrorReport(log) {
	const entries = log.split(/\n(?=\d\d:\d\d:\d\d\.\d+ )/);
	return entries
		.filter((entry) => !/\{ "file": "execute\.js", "function": "catch" \}$/.test(entry))
		.join('\n');
}

/**
 * What must never be in a log, a message or an output: the given secrets and raw personal data, and
 * stack trace lines. Returns the offending findings (empty when clean), so a failure shows them.
 */
function leaksIn(text, forbidden) {
	const found = forbidden.filter((value) => text.toLowerCase().includes(value.toLowerCase()));
	const stack = STACK_LINE.exec(text);
	return stack ? [...found, `stack trace: ${stack[0].trim()}`] : found;
}

module.exports = { runWithLog, leaksIn, splitRunFromLog, withoutCliErrorReport, STACK_LINE };
