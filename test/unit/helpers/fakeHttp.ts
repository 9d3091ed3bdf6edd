import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** One request as the node sent it: method, URL without query, query and JSON body parsed back. */
export interface RecordedRequest {
	method: string;
	url: string;
	/** The URL's path below the host, e.g. `/v5/ad_accounts/1/campaigns`. */
	path: string;
	qs: IDataObject;
	body: unknown;
	/** The credential type, or undefined for an unauthenticated request (a report file). */
	credentialType?: string;
}

/** What a route answers: a status (200 when left out), a JSON body and headers. */
export interface FakeAnswer {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** A socket error instead of an answer (ECONNRESET…). */
	networkErrorCode?: string;
}

export type Route = (request: RecordedRequest) => FakeAnswer | undefined;

/**
 * An in-process HTTP server stand-in for `helpers.httpRequest(WithAuthentication)`: routes answer
 * in order, every request is recorded, and errors are thrown in the shape n8n's request helper
 * gives them (an Error with `response.{status, headers, data}`), which the transport reads.
 */
export class FakeHttp {
	readonly requests: RecordedRequest[] = [];

	private readonly routes: Route[] = [];

	/** Answers tried before the routes, each used once: faults such as a 429 on the next call. */
	private readonly once: Array<{
		matches: (request: RecordedRequest) => boolean;
		answer: FakeAnswer;
	}> = [];

	route(route: Route): this {
		this.routes.push(route);
		return this;
	}

	/** The next request matching `matches` gets `answer` instead of its route's. */
	failOnce(matches: (request: RecordedRequest) => boolean, answer: FakeAnswer): this {
		this.once.push({ matches, answer });
		return this;
	}

	/** The requests to paths matching the pattern, in order. */
	to(method: string, pathPattern: RegExp): RecordedRequest[] {
		return this.requests.filter((r) => r.method === method && pathPattern.test(r.path));
	}

	async handle(options: IHttpRequestOptions, credentialType?: string) {
		const url = new URL(options.url);
		const qs: IDataObject = {};
		for (const [key, value] of Object.entries((options.qs ?? {}) as IDataObject)) {
			if (value !== undefined) qs[key] = value;
		}
		const request: RecordedRequest = {
			method: String(options.method ?? 'GET'),
			url: `${url.origin}${url.pathname}`,
			path: url.pathname,
			qs,
			body: typeof options.body === 'string' ? JSON.parse(options.body) : options.body,
			credentialType,
		};
		this.requests.push(request);
		const onceAt = this.once.findIndex((entry) => entry.matches(request));
		let answer: FakeAnswer | undefined;
		if (onceAt >= 0) answer = this.once.splice(onceAt, 1)[0].answer;
		for (const route of this.routes) {
			if (answer) break;
			answer = route(request);
		}
		answer ??= { status: 404, body: { code: 404, message: 'Not found' } };
		if (answer.networkErrorCode) {
			throw Object.assign(new Error(`connect ${answer.networkErrorCode}`), {
				code: answer.networkErrorCode,
			});
		}
		const status = answer.status ?? 200;
		const headers = { 'x-pinterest-rid': `rid-${this.requests.length}`, ...answer.headers };
		const data = answer.body === undefined ? '' : JSON.stringify(answer.body);
		if (status >= 400) {
			throw Object.assign(new Error(`Request failed with status code ${status}`), {
				response: { status, headers, data },
			});
		}
		return { body: data, headers, statusCode: status };
	}
}
