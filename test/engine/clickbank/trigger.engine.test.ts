import type { ICredentialTestFunctions, IDataObject } from 'n8n-workflow';

import { ClickBankTrigger } from '../../../nodes/ClickBankTrigger/ClickBankTrigger.node';
import { saleNotification } from '../../unit/nodes/ClickBankTrigger/fixtures';
import { insBody, SECRET_KEY } from '../../unit/nodes/ClickBankTrigger/insCipher';
import { logs } from '../harness/engine';
import { receiveWebhook } from '../harness/webhook';

const trigger = new ClickBankTrigger();

/** A notification to the trigger's webhook, with the credential's key padded; what it logged at debug level. */
async function receive(body: Buffer | undefined, parameters: IDataObject = {}) {
	const { result, answer } = await receiveWebhook({
		parameters,
		credentials: { clickBankInsApi: { secretKey: ` ${SECRET_KEY} ` } },
		rawBody: body,
	});
	const debugLines = () =>
		logs()
			.filter((line) => line.level === 'debug')
			.map((line) => `${line.message} ${JSON.stringify(line.meta)}`);
	return { result, answer, debugLines };
}

describe('ClickBankTrigger webhook', () => {
	it('starts the workflow with one item and leaves the answer to n8n', async () => {
		const { result, answer } = await receive(
			insBody(JSON.stringify(saleNotification()), SECRET_KEY),
		);
		expect(answer).toEqual({});
		expect(result.workflowData?.[0]).toHaveLength(1);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			receipt: 'CWOGBZLN',
			trafficSource: 'pinterest',
		});
	});

	it('answers a refused notification itself, starts nothing, logs the reason only at debug level', async () => {
		const body = insBody(JSON.stringify(saleNotification()), 'SOMEOTHERKEY');
		const { result, answer, debugLines } = await receive(body);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer).toEqual({
			statusCode: 403,
			json: {
				status: 'rejected',
				message:
					'Notification could not be decrypted: the secret key in the credential differs from the one in ClickBank, or the notification was altered',
			},
		});
		expect(debugLines()).toEqual([
			'ClickBank Trigger refused a notification: Notification could not be decrypted: the secret key in the credential differs from the one in ClickBank, or the notification was altered {"workflowId":"workflow-under-test","statusCode":403}',
		]);
	});

	it('answers 200 "ignored" for a type the workflow does not want, starting nothing', async () => {
		const body = insBody(JSON.stringify(saleNotification({ transactionType: 'CGBK' })), SECRET_KEY);
		const { result, answer } = await receive(body, {
			transactionTypes: ['SALE'],
			options: { otherTransactionTypes: 'BILL' },
		});
		expect(result).toEqual({
			webhookResponse: { status: 'ignored', transactionType: 'CGBK' },
		});
		expect(answer).toEqual({});
	});

	it('refuses a request without a body (400)', async () => {
		const { result, answer } = await receive(undefined);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer.statusCode).toBe(400);
	});
});

describe('ClickBankTrigger description', () => {
	it('is a POST webhook trigger whose credential is tested by one of its methods', () => {
		const { description } = trigger;
		expect([description.name, description.group, description.inputs]).toEqual([
			'clickBankTrigger',
			['trigger'],
			[],
		]);
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'clickbank-ins' },
		]);
		const [credential] = description.credentials ?? [];
		expect(credential.name).toBe('clickBankInsApi');
		expect(Object.keys(trigger.methods.credentialTest)).toEqual([credential.testedBy]);
	});

	it('tests the credential by the form of its key', async () => {
		const test = (secretKey: string) =>
			trigger.methods.credentialTest.clickBankSecretKeyTest.call({} as ICredentialTestFunctions, {
				id: 'credential-1',
				name: 'ClickBank',
				type: 'clickBankInsApi',
				data: { secretKey },
			});
		expect(await test('MYSECRETKEY2026')).toEqual({
			status: 'OK',
			message: 'The secret key has the form ClickBank uses',
		});
		expect((await test('my key')).status).toBe('Error');
	});
});
