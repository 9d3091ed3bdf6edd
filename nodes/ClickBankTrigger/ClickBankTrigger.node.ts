import type {
	ICredentialsDecrypted,
	IHookFunctions,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { readSecretKey } from './core/secretKey';
import * as receive from './webhook/receive.webhook';

/**
 * Receives ClickBank Instant Notification Service (INS 8.0) notifications, decrypts them with the
 * account's secret key and starts the workflow with one item per notification.
 */
export class ClickBankTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClickBank Trigger',
		name: 'clickBankTrigger',
		icon: { light: 'file:../../icons/clickbank.svg', dark: 'file:../../icons/clickbank.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{"INS: " + ($parameter["transactionTypes"].length ? $parameter["transactionTypes"].join(", ") : "all transaction types")}}',
		description: 'Starts the workflow on ClickBank sales, rebills, refunds and chargebacks (INS)',
		defaults: { name: 'ClickBank Trigger' },
		eventTriggerDescription:
			'Waiting for a notification at the Test URL (paste it into ClickBank, press Test)',
		activationMessage:
			'Paste the Production URL into ClickBank as an Instant Notification URL, version 8.0.',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clickBankInsApi', required: true, testedBy: 'clickBankSecretKeyTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'clickbank-ins',
			},
		],
		properties: receive.description,
	};

	methods = {
		credentialTest: {
			async clickBankSecretKeyTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const key = readSecretKey(credential.data?.secretKey);
				return key.ok
					? { status: 'OK', message: 'The secret key has the form ClickBank uses' }
					: { status: 'Error', message: key.problem };
			},
		},
	};

	// ClickBank has no API to register a notification URL: the user pastes the Production URL into
	// the ClickBank account. Publishing and unpublishing therefore have nothing remote to do.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.receiveWebhook.call(this);
	}
}
