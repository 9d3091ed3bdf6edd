// Types of server.js, so that the fast tier (test/engine) starts the same fake in its own process.

export interface FakePinterestServer {
	/** http://127.0.0.1:<port>, without /v5 (the fake serves both). */
	url: string;
	port: number;
	close(): Promise<void>;
	/** The fake's live state (dataset, config, faults, requests…), for reading in the same process. */
	state(): unknown;
}

export function startFakePinterest(options?: {
	port?: number;
	host?: string;
}): Promise<FakePinterestServer>;

/** The control API of a running fake (server.js). */
export function fakeControl(fakeUrl: string): {
	reset(dataset?: unknown): Promise<void>;
	config(settings: unknown): Promise<void>;
	faults(rules: unknown[]): Promise<void>;
	requests(): Promise<unknown[]>;
	clearRequests(): Promise<void>;
	state(): Promise<Record<string, unknown>>;
};
