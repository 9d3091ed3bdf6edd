import { sleep } from 'n8n-workflow';

/**
 * The fast tier's clock (installed for every file by setup.ts): Date is fake, and each wait a node takes through
 * n8n-workflow's `sleep` (retry backoff, a rate-limit window, report polling) returns at once after moving the
 * clock on by that long. Timers and sockets stay real, so n8n's HTTP client and the fake API run as usual.
 */
export const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

/** The waits the nodes took since the test began, in ms. */
export function waits(): number[] {
	return sleepMock.mock.calls.map(([ms]) => Number(ms));
}
