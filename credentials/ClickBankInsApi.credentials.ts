import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret key of a ClickBank account's Instant Notification Service. It never leaves n8n:
 * ClickBank encrypts each notification with it, and the ClickBank Trigger decrypts them. There is
 * no ClickBank endpoint to test it against, so the node's credential test checks its form, by the same rule
 * (nodes/ClickBankTrigger/core/secretKey.ts) that makes the trigger refuse every notification while the key
 * breaks it: "required" alone lets a key of spaces through.
 */
export class ClickBankInsApi implements ICredentialType {
	name = 'clickBankInsApi';

	displayName = 'ClickBank INS API';

	icon: Icon = { light: 'file:../icons/clickbank.svg', dark: 'file:../icons/clickbank.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-pinterest-ads/n8n-nodes-pinterest-ads#clickbank-ins-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'MYSECRETKEY2026',
			description:
				'The same key as in ClickBank: Vendor Settings → My Site → Advanced Tools → Secret Key (up to 16 uppercase letters and digits)',
		},
	];
}
