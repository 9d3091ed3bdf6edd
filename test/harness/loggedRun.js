// Runs a workflow through n8n's CLI with debug logging and hands back n8n's log apart from the run's
// JSON, so a test can check that nothing a user typed (emails, phones) nor any token reaches a log line.
const { importAndExecute } = require('./n8n');

/** Lines of a JavaScript stack trace ("    at fn (file:line)"), which a user must never see. */
const STACK_LINE = /^\s+at .+[(:]/m;

/** `ctx.run` with N8N_LOG_LEVEL=debug: the result of importAndExecute plus `log` (stdout outside the run JSON, and stderr). */
async function runWithLog(ctx, workflow) {
	const cli = Object.create(ctx.cli);
	cli.run = (args, options = {}) =>
		ctx.cli.run(args, { ...options, env: { N8N_LOG_LEVEL: 'debug', ...options.env } });
	const result = await importAndExecute(cli, workflow);
	const start = result.stdout.search(/^\{/m);
	const end = result.stdout.indexOf('\n}', start);
	const log =
		start >= 0 && end > start
			? `${result.stdout.slice(0, start)}${result.stdout.slice(end + 2)}${result.stderr}`
			: `${result.stdout}${result.stderr}`;
	return { ...result, log };
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

module.exports = { runWithLog, leaksIn, STACK_LINE };
