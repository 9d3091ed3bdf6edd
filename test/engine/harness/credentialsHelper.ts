import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IWorkflowDataProxyAdditionalKeys,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { CREDENTIAL_TYPES, packageNodeTypes } from './packageTypes';

/** The node n8n resolves a credential's own expressions for (`$self`): none of the workflow's. */
const CREDENTIAL_NODE: INode = {
	id: 'credential',
	name: 'Credential',
	type: 'credential',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * The credential store n8n's engine asks: the test's credential data per type, given the defaults of the
 * credential's fields and its expressions evaluated (the OAuth token URL follows the environment), and each
 * credential's `authenticate` applied to a request. What n8n saves back (a refreshed, rotated OAuth token) is
 * kept in `stored`, so a test reads it and the next run uses it.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly stored: Record<string, ICredentialDataDecryptedObject>;

	constructor(given: Record<string, IDataObject>) {
		super();
		this.stored = structuredClone(given) as Record<string, ICredentialDataDecryptedObject>;
	}

	getParentTypes(name: string): string[] {
		const parents = CREDENTIAL_TYPES[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return CREDENTIAL_TYPES[type]?.properties ?? [];
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.stored[type];
		if (!data) throw new Error(`No credential of type ${type} in this test`);
		const given = data as INodeParameters;
		const withDefaults: INodeParameters = {
			...given,
			...NodeHelpers.getNodeParameters(
				this.getCredentialsProperties(type),
				given,
				true,
				false,
				null,
				null,
			),
		};
		const workflow = new Workflow({
			nodes: [],
			connections: {},
			active: false,
			nodeTypes: packageNodeTypes,
		});
		return workflow.expression.getComplexParameterValue(
			CREDENTIAL_NODE,
			withDefaults,
			'internal',
			{},
			undefined,
			undefined,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	/** A generic `authenticate` (headers, query, body from `{{$credentials.…}}`), or the credential's own function. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: WorkflowType,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = CREDENTIAL_TYPES[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=') && workflow && node
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', {
						$credentials: credentials,
					} as IWorkflowDataProxyAdditionalKeys)
				: value;
		const options = { ...requestOptions } as unknown as Record<string, IDataObject | undefined>;
		for (const [where, values] of Object.entries(authenticate.properties)) {
			const resolved = Object.fromEntries(
				Object.entries(values as IDataObject).map(([key, value]) => [key, resolve(value)]),
			);
			options[where] = { ...options[where], ...(resolved as IDataObject) };
		}
		return options as unknown as IHttpRequestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('The nodes read credentials only decrypted (getCredentials of the context)');
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.stored[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.stored[type] = { ...this.stored[type], oauthTokenData: data.oauthTokenData };
	}
}
