import { LogThrottle } from '../../../../../nodes/ClickBankTrigger/core/logThrottle';

describe('LogThrottle', () => {
	it('lets one line per key through per interval', () => {
		const throttle = new LogThrottle(60_000);
		expect(
			[0, 1, 59_999, 60_000, 60_001, 119_999, 120_000].map((now) =>
				throttle.allows('wf/node', now),
			),
		).toEqual([true, false, false, true, false, false, true]);
	});

	it('counts each key on its own', () => {
		const throttle = new LogThrottle(60_000);
		expect([
			throttle.allows('workflow-1/ClickBank Trigger', 0),
			throttle.allows('workflow-2/ClickBank Trigger', 10),
			throttle.allows('workflow-1/ClickBank Trigger', 20),
			throttle.allows('workflow-1/Other Trigger', 30),
		]).toEqual([true, true, false, true]);
	});
});
