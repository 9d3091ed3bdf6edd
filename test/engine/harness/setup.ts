// Runs before each fast-tier file (jest.config.js): the fake clock of fakeClock.ts and retry waits without jitter
// (noJitter.ts).
import { fixNow } from '../../unit/helpers/clock';
import { recordLogs } from './engine';
import { sleepMock } from './fakeClock';

jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return {
		...actual,
		sleep: jest.fn(async (ms: number) => {
			jest.setSystemTime(Date.now() + ms);
		}),
	};
});

jest.mock('../../../shared/transport/retryPolicy', () =>
	jest.requireActual('./noJitter').retryPolicyWithoutJitter(),
);

fixNow('2026-11-26T12:00:00Z');

beforeEach(() => {
	sleepMock.mockClear();
	recordLogs();
});
