import type { IDataObject } from 'n8n-workflow';

import {
	fakeControl,
	startFakePinterest,
	type FakePinterestServer,
} from '../../fake-pinterest/server';
import { credentials } from '../../harness/fixtures';

/** One request as the fake recorded it (test/fake-pinterest/server.js): path without /v5, raw query and body. */
export interface FakeRequest {
	at: number;
	method: string;
	path: string;
	query: string;
	authorization: string | null;
	contentType: string | null;
	body: string;
	json: IDataObject | null;
}

/**
 * The fake Pinterest API of the end-to-end tests, started in this test process on a loopback port: the nodes'
 * requests go through n8n's own HTTP client to it, and the test steers it through its control API.
 */
export class InProcessPinterest {
	private running?: { server: FakePinterestServer; control: ReturnType<typeof fakeControl> };

	async listen(): Promise<void> {
		const server = await startFakePinterest();
		this.running = { server, control: fakeControl(server.url) };
	}

	private get started() {
		if (!this.running)
			throw new Error('The fake Pinterest API is not started yet (start it in beforeAll).');
		return this.running;
	}

	private get server(): FakePinterestServer {
		return this.started.server;
	}

	private get control(): ReturnType<typeof fakeControl> {
		return this.started.control;
	}

	get url(): string {
		return this.server.url;
	}

	async close(): Promise<void> {
		await this.server.close();
	}

	/** A fresh fake: the default dataset, or `{ given: … }` (a dataset picked by hand, dataset.js). */
	async reset(dataset?: IDataObject): Promise<void> {
		await this.control.reset(dataset);
	}

	async config(settings: IDataObject): Promise<void> {
		await this.control.config(settings);
	}

	/** Fault rules (faults.js), each answering the next `times` (1) matching requests instead of the fake. */
	async faults(rules: IDataObject[]): Promise<void> {
		await this.control.faults(rules);
	}

	async requests(): Promise<FakeRequest[]> {
		return (await this.control.requests()) as FakeRequest[];
	}

	/** Requests as `METHOD /path`, the way the end-to-end tests compare them. */
	async calls(): Promise<string[]> {
		return (await this.requests()).map((r) => `${r.method} ${r.path}`);
	}

	async state(): Promise<IDataObject> {
		return (await this.control.state()) as IDataObject;
	}

	/** The test credentials of the end-to-end tests (Custom environment), pointing at this fake. */
	credentials(tokens?: Parameters<typeof credentials>[1]): Record<string, IDataObject> {
		return Object.fromEntries(
			credentials(this.server.url, tokens).map((c) => [c.type, c.data as IDataObject]),
		);
	}
}

/**
 * The fake for a test file: started before its first test, made fresh before each test (the default dataset unless
 * `fresh` says otherwise), stopped after the last one.
 */
export function fakePinterestForEachTest(
	fresh: (pinterest: InProcessPinterest) => Promise<void> = async (pinterest) =>
		await pinterest.reset(),
): InProcessPinterest {
	const pinterest = new InProcessPinterest();
	beforeAll(async () => await pinterest.listen());
	afterAll(async () => await pinterest.close());
	beforeEach(async () => await fresh(pinterest));
	return pinterest;
}
