/**
 * At most one log line per key and interval. Anyone who knows a webhook URL can post to it as often as they
 * like; what they cause must not flood n8n's log. Keys are workflows and nodes, not anything a request sends,
 * so the map stays as small as the number of triggers on this instance.
 */
export class LogThrottle {
	private readonly lastLogged = new Map<string, number>();

	constructor(private readonly intervalMs: number) {}

	/** Whether a line for `key` may be logged at `now` (milliseconds); if so, the next one waits a full interval. */
	allows(key: string, now: number): boolean {
		const last = this.lastLogged.get(key);
		if (last !== undefined && now - last < this.intervalMs) return false;
		this.lastLogged.set(key, now);
		return true;
	}
}
