/**
 * Where an asynchronous report file may be downloaded from. The link comes in Pinterest's answer and is fetched
 * without the credential, so a link pointing elsewhere (a compromised or misconfigured proxy behind a Custom base
 * URL) could make n8n fetch from any host it can reach: a cloud metadata address, a service on the private
 * network. Only these are fetched:
 *
 * - https to `pinterest-<name>.s3.<region>.amazonaws.com` (or the region-less `pinterest-<name>.s3.amazonaws.com`):
 *   the pre-signed S3 links Pinterest hands out (as its own API quickstart's report example downloads). Not any `*.amazonaws.com`: that would admit every AWS
 *   service endpoint; not S3's path-style `s3.<region>.amazonaws.com/<bucket>`, which Pinterest does not use.
 *   An S3 bucket named `pinterest-…` by someone else is still possible, but the download carries no token and
 *   goes to a public AWS host, so it can neither leak a secret nor reach inside the network.
 * - http or https to a loopback address (localhost, 127.x.x.x, [::1]), and only when the API base URL is itself
 *   on loopback (a local test server or proxy): a production credential never fetches from this machine.
 */
const PINTEREST_REPORT_HOST =
	/^pinterest-[a-z0-9][a-z0-9-]*\.s3(?:\.[a-z]{2}(?:-[a-z]+)+-\d+)?\.amazonaws\.com$/;
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

function parse(url: string): URL | undefined {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

function isLoopback(url: URL | undefined): boolean {
	return (
		url !== undefined &&
		(url.protocol === 'http:' || url.protocol === 'https:') &&
		LOOPBACK_HOST.test(url.hostname)
	);
}

/**
 * Why the report link must not be fetched, or undefined when it may be. Names the host only: the query of a
 * pre-signed link is a credential.
 */
export function reportUrlProblem(reportUrl: string, apiBaseUrl: string): string | undefined {
	const url = parse(reportUrl);
	if (!url) return 'the link is not a valid URL';
	if (url.username || url.password) return 'the link carries a user name or password';
	if (isLoopback(url) && isLoopback(parse(apiBaseUrl))) return undefined;
	if (url.protocol !== 'https:') return `the link is not https (${url.protocol}//${url.host})`;
	if (url.port !== '') return `the link names a port (${url.host})`;
	if (!PINTEREST_REPORT_HOST.test(url.hostname))
		return `the link points to ${url.hostname}, not to Pinterest's report storage (pinterest-….s3.<region>.amazonaws.com)`;
	return undefined;
}
