import { reportUrlProblem } from '../../../../shared/transport/reportUrl';

const PRODUCTION_API = 'https://api.pinterest.com/v5';
const LOCAL_API = 'http://127.0.0.1:4010';
const S3_LINK =
	'https://pinterest-media-upload.s3.us-east-1.amazonaws.com/async_reporting_v3/x/metrics_report.txt?X-Amz-Signature=abc';

describe('reportUrlProblem: report files only from Pinterest report storage', () => {
	it.each([
		S3_LINK,
		'https://pinterest-dublin.s3.eu-west-1.amazonaws.com/async_reporting_v3/r.json',
		'https://pinterest-sg.s3.ap-southeast-2.amazonaws.com/r.json',
		'https://pinterest-gov.s3.us-gov-west-1.amazonaws.com/r.json',
		'https://pinterest-media-upload.s3.amazonaws.com/r.json',
		'HTTPS://PINTEREST-MEDIA-UPLOAD.S3.US-EAST-1.AMAZONAWS.COM/r.json',
	])('accepts %s with the production API', (url) => {
		expect(reportUrlProblem(url, PRODUCTION_API)).toBeUndefined();
	});

	it.each([
		[
			'http://pinterest-media-upload.s3.us-east-1.amazonaws.com/r.json',
			'the link is not https (http://pinterest-media-upload.s3.us-east-1.amazonaws.com)',
		],
		[
			'https://evil.example.com/r.json?sig=secret',
			"the link points to evil.example.com, not to Pinterest's report storage (pinterest-….s3.<region>.amazonaws.com)",
		],
		[
			'https://pinterest-x.s3.us-east-1.amazonaws.com.evil.example/r.json',
			"the link points to pinterest-x.s3.us-east-1.amazonaws.com.evil.example, not to Pinterest's report storage (pinterest-….s3.<region>.amazonaws.com)",
		],
		[
			'https://s3.us-east-1.amazonaws.com/pinterest-x/r.json',
			"the link points to s3.us-east-1.amazonaws.com, not to Pinterest's report storage (pinterest-….s3.<region>.amazonaws.com)",
		],
		[
			'https://someone.s3.us-east-1.amazonaws.com/r.json',
			"the link points to someone.s3.us-east-1.amazonaws.com, not to Pinterest's report storage (pinterest-….s3.<region>.amazonaws.com)",
		],
		[
			'https://ec2.us-east-1.amazonaws.com/r.json',
			"the link points to ec2.us-east-1.amazonaws.com, not to Pinterest's report storage (pinterest-….s3.<region>.amazonaws.com)",
		],
		[
			'https://pinterest-x.s3.us-east-1.amazonaws.com:8443/r.json',
			'the link names a port (pinterest-x.s3.us-east-1.amazonaws.com:8443)',
		],
		[
			'https://user:pass@pinterest-x.s3.us-east-1.amazonaws.com/r.json',
			'the link carries a user name or password',
		],
		['http://169.254.169.254/latest/meta-data/', 'the link is not https (http://169.254.169.254)'],
		[
			'https://169.254.169.254/latest/meta-data/',
			"the link points to 169.254.169.254, not to Pinterest's report storage (pinterest-….s3.<region>.amazonaws.com)",
		],
		['http://127.0.0.1:4010/__downloads/r.json', 'the link is not https (http://127.0.0.1:4010)'],
		['file:///etc/passwd', 'the link is not https (file://)'],
		['not a url', 'the link is not a valid URL'],
	])('refuses %s with the production API: %s', (url, problem) => {
		expect(reportUrlProblem(url, PRODUCTION_API)).toBe(problem);
	});

	it('accepts loopback links over http or https only when the API itself is on loopback', () => {
		for (const url of [
			'http://127.0.0.1:4010/__downloads/r.json',
			'https://127.0.0.1:4010/__downloads/r.json',
			'http://localhost:4010/r.json',
			'http://[::1]:4010/r.json',
			'http://127.5.6.7/r.json',
		])
			expect(reportUrlProblem(url, LOCAL_API)).toBeUndefined();
		expect(reportUrlProblem(S3_LINK, LOCAL_API)).toBeUndefined();
		expect(reportUrlProblem('http://localhost:4010/r.json', 'https://proxy.example.com/v5')).toBe(
			'the link is not https (http://localhost:4010)',
		);
	});

	it('refuses names that reach this machine without being loopback names, even with a local API', () => {
		expect(reportUrlProblem('http://0.0.0.0:4010/r.json', LOCAL_API)).toBe(
			'the link is not https (http://0.0.0.0:4010)',
		);
		expect(reportUrlProblem('http://localhost.:4010/r.json', LOCAL_API)).toBe(
			'the link is not https (http://localhost.:4010)',
		);
		expect(reportUrlProblem('ftp://127.0.0.1/r.json', LOCAL_API)).toBe(
			'the link is not https (ftp://127.0.0.1)',
		);
	});

	it('never names the query of a link (a pre-signed link is a credential)', () => {
		expect(
			reportUrlProblem('https://evil.example.com/r.json?sig=secret', PRODUCTION_API),
		).not.toContain('secret');
	});
});
