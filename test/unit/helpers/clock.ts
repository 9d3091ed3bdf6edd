/** Everything but Date stays real: the nodes' awaits and timers run as usual, only "now" is fixed. */
const REAL = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

/** Fixes Date.now (and luxon's now) at the given instant for the current test file. */
export function fixNow(iso: string) {
	jest.useFakeTimers({ now: new Date(iso), doNotFake: [...REAL] });
}
