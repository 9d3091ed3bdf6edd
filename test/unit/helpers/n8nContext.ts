import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	NodeTypeAndVersion,
} from 'n8n-workflow';

import type { FakeHttp } from './fakeHttp';

/** A parameter value that is read per item: `={{ ... }}` in n8n. The function stands for n8n's evaluation. */
export type ItemExpression = (json: IDataObject, itemIndex: number) => unknown;

/**
 * The stored parameters of a node: the given ones, and the n8n default of every other top-level property that the
 * given values show (displayOptions.show; a property shown by a value is given the first matching definition).
 */
export function withDefaults(
	properties: INodeProperties[],
	given: IDataObject,
	typeVersion = 1,
): IDataObject {
	const parameters: IDataObject = { ...given };
	const shown = (property: INodeProperties) =>
		Object.entries(property.displayOptions?.show ?? {}).every(([name, allowed]) => {
			if (name === '@version') return (allowed as unknown[]).includes(typeVersion);
			const value = parameters[name];
			return (allowed as unknown[]).includes(value);
		});
	// Twice: a default filled in the first pass (authentication) can show properties of the second.
	for (let pass = 0; pass < 2; pass++) {
		for (const property of properties) {
			if (property.type === 'notice' || property.name in parameters || !shown(property)) continue;
			parameters[property.name] = property.default as IDataObject[string];
		}
	}
	return parameters;
}

function lookUp(parameters: IDataObject, path: string): unknown {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/**
 * n8n's getNodeParameter over stored parameters: a dotted path reads inside collections; a missing value gives
 * the fallback; `={{ … }}` strings are evaluated through `expressions` (the plain `={{ $json.a.b }}` form without
 * it); a resource locator gives its value with `extractValue`.
 */
function parameterReader(
	parameters: IDataObject,
	items: INodeExecutionData[],
	expressions: Record<string, ItemExpression>,
) {
	return (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: { extractValue?: boolean },
	): unknown => {
		let value = lookUp(parameters, name);
		if (value === undefined) return fallback;
		if (typeof value === 'string' && value.startsWith('=')) {
			const json = items[itemIndex]?.json ?? {};
			const expression = expressions[value];
			if (expression) value = expression(json, itemIndex);
			else {
				const path = /^=\{\{\s*\$json\.([\w.]+)\s*\}\}$/.exec(value)?.[1];
				if (path === undefined) throw new Error(`No evaluation given for the expression ${value}`);
				value = lookUp(json, path);
			}
		}
		if (options?.extractValue && typeof value === 'object' && value !== null && 'value' in value)
			return value.value;
		return value;
	};
}

export interface Recorded {
	hints: Array<{ message: string; type?: string; location?: string }>;
	logs: Array<{ level: string; message: string; meta?: unknown }>;
}

function recordingLogger(recorded: Recorded) {
	const at = (level: string) => (message: string, meta?: unknown) =>
		recorded.logs.push({ level, message, meta });
	return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface ExecuteContextOptions {
	/** The node type's properties: their defaults fill what `parameters` leaves out. */
	properties: INodeProperties[];
	parameters: IDataObject;
	/** Input items; one empty item by default (a trigger or manual start). */
	items?: INodeExecutionData[];
	expressions?: Record<string, ItemExpression>;
	credentials: Record<string, IDataObject>;
	http: FakeHttp;
	continueOnFail?: boolean;
	/** How n8n started the run: 'manual', 'trigger', 'webhook'… */
	mode?: string;
	/** The nodes before this one, as getParentNodes gives them with their parameters. */
	parents?: NodeTypeAndVersion[];
	timezone?: string;
	nodeName?: string;
	/** The node's version (1 when left out): it decides which versioned properties exist. */
	typeVersion?: number;
}

/** Just enough of IExecuteFunctions for a programmatic node's execute, with its side effects recorded. */
export function executeContext(options: ExecuteContextOptions) {
	const items = options.items ?? [{ json: {} }];
	const typeVersion = options.typeVersion ?? 1;
	const parameters = withDefaults(options.properties, options.parameters ?? {}, typeVersion);
	const recorded: Recorded = { hints: [], logs: [] };
	const node = {
		id: 'node-under-test',
		name: options.nodeName ?? 'Node Under Test',
		type: 'n8n-nodes-pinterest-ads.nodeUnderTest',
		typeVersion,
		position: [0, 0] as [number, number],
		parameters,
	};
	const http = options.http;
	const context = {
		getInputData: () => items,
		getNodeParameter: parameterReader(parameters, items, options.expressions ?? {}),
		getCredentials: async (type: string) => {
			const credential = options.credentials[type];
			if (!credential) throw new Error(`No credential of type ${type} in this test`);
			return credential;
		},
		continueOnFail: () => options.continueOnFail === true,
		getNode: () => node,
		getMode: () => options.mode ?? 'manual',
		getWorkflow: () => ({ id: 'workflow-under-test', name: 'Test', active: false }),
		getTimezone: () => options.timezone ?? 'UTC',
		getParentNodes: () => options.parents ?? [],
		getExecutionId: () => 'execution-1',
		logger: recordingLogger(recorded),
		addExecutionHints: (...hints: Recorded['hints']) => recorded.hints.push(...hints),
		helpers: {
			httpRequest: async (request: Parameters<FakeHttp['handle']>[0]) => await http.handle(request),
			httpRequestWithAuthentication: async (
				credentialType: string,
				request: Parameters<FakeHttp['handle']>[0],
			) => await http.handle(request, credentialType),
			returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })),
		},
		// Only the members the nodes call: n8n's IExecuteFunctions has dozens more, so no type fits the stub whole.
	} as unknown as IExecuteFunctions;
	return { context, recorded };
}

/** What the trigger answered itself through the response object (a refusal), if it did. */
export interface WebhookAnswer {
	statusCode?: number;
	json?: unknown;
}

/** Just enough of IWebhookFunctions for a trigger's webhook: the request body, parameters, credentials. */
export function webhookContext(options: {
	properties: INodeProperties[];
	parameters?: IDataObject;
	credentials: Record<string, IDataObject>;
	rawBody: Buffer | undefined;
}) {
	const parameters = withDefaults(options.properties, options.parameters ?? {});
	const recorded: Recorded = { hints: [], logs: [] };
	const answer: WebhookAnswer = {};
	const response = {
		status(code: number) {
			answer.statusCode = code;
			return response;
		},
		json(value: unknown) {
			answer.json = value;
			return response;
		},
	};
	const read = parameterReader(parameters, [], {});
	const context = {
		getCredentials: async (type: string) => {
			const credential = options.credentials[type];
			if (!credential) throw new Error(`No credential of type ${type} in this test`);
			return credential;
		},
		getNodeParameter: (name: string, fallback?: unknown) => read(name, 0, fallback),
		getRequestObject: () => ({ rawBody: options.rawBody, body: {}, headers: {} }),
		getResponseObject: () => response,
		getWorkflow: () => ({ id: 'workflow-under-test' }),
		getMode: () => 'webhook',
		getNode: () => ({ name: 'ClickBank Trigger', parameters }),
		logger: recordingLogger(recorded),
		// Only the members the trigger calls (see executeContext).
	} as unknown as IWebhookFunctions;
	return { context, recorded, answer };
}
