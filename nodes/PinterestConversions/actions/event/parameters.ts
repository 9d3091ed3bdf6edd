import type {
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { itemKeysOf, readItemKeys } from '../../core/input';
import { expressionErrorText } from '../../core/safeMessages';
import type { InputProblem } from '../../core/input';

/** Collections whose sub-fields are read one by one, so only their expressions are evaluated per item. */
const COLLECTIONS = ['userData', 'customData', 'eventOptions'] as const;
const TOP_LEVEL = ['eventName', 'eventId', 'eventTime', 'actionSource', 'adAccount'] as const;

interface PlannedParameter {
	path: string;
	/** The name the user sees in problems, e.g. `email`. */
	field: string;
	options: IGetNodeParameterOptions;
	/** Set when the expression only reads a field of the item (`{{ $json.order.id }}`): its keys. */
	itemKeys?: string[];
}

function isExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(isExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(isExpression);
	return false;
}

/** The values one item's parameters resolved to, and the expressions that failed for it. */
export interface ItemParameters {
	values: Record<string, unknown>;
	problems: InputProblem[];
}

/**
 * Reads "Define Below" parameters at the cost n8n's expressions set: a parameter without an expression is read
 * once per run; an expression is evaluated per item, each on its own, so one that throws names its field and sends
 * only that item to Failed. Values are keyed by path (`eventId`, `userData.email`).
 */
export class ParameterReader {
	private readonly constants: Record<string, unknown> = {};

	private readonly perItem: PlannedParameter[] = [];

	private readonly items: INodeExecutionData[];

	/** Whether Event Time was left empty in the node: the one case where an empty time means now. */
	readonly eventTimeLeftEmpty: boolean;

	/** `only`: the top-level parameters to read, without collections (Map Automatically needs three). */
	constructor(
		private readonly ctx: IExecuteFunctions,
		only?: ReadonlyArray<(typeof TOP_LEVEL)[number]>,
	) {
		const raw = ctx.getNode().parameters as IDataObject;
		this.items = ctx.getInputData();
		const planned: PlannedParameter[] = (only ?? TOP_LEVEL).map((path) => ({
			path,
			field: path,
			options: path === 'adAccount' ? { extractValue: true } : { skipValidation: true },
		}));
		for (const collection of only ? [] : COLLECTIONS) {
			const fields = (raw[collection] ?? {}) as IDataObject;
			for (const field of Object.keys(fields)) {
				planned.push({ path: `${collection}.${field}`, field, options: { skipValidation: true } });
			}
		}
		for (const parameter of planned) {
			const value = parameter.path.includes('.')
				? (raw[parameter.path.split('.')[0]] as IDataObject)[parameter.field]
				: raw[parameter.path];
			if (isExpression(value)) this.perItem.push({ ...parameter, itemKeys: itemKeysOf(value) });
			else if (value !== undefined) {
				this.constants[parameter.path] = ctx.getNodeParameter(
					parameter.path,
					0,
					undefined,
					parameter.options,
				);
			}
		}
		const eventTime = raw.eventTime;
		this.eventTimeLeftEmpty =
			eventTime === undefined || (typeof eventTime === 'string' && eventTime.trim() === '');
	}

	read(itemIndex: number): ItemParameters {
		const values: Record<string, unknown> = { ...this.constants };
		const problems: InputProblem[] = [];
		for (const { path, field, options, itemKeys } of this.perItem) {
			if (itemKeys) {
				values[path] = readItemKeys(this.items[itemIndex].json, itemKeys);
				continue;
			}
			try {
				values[path] = this.ctx.getNodeParameter(path, itemIndex, undefined, options);
			} catch (error) {
				// n8n's message describes the expression (e.g. "Cannot read properties of undefined"), but may quote
				// the data it failed on (JSON.parse does): that part is left out.
				problems.push({
					field,
					message: `The expression of ${field} failed: ${expressionErrorText((error as Error).message)}`,
					fix: `Fix the expression of ${field}, or make it give nothing when the item lacks the data (e.g. {{ $json.customer?.email }}).`,
				});
			}
		}
		return { values, problems };
	}
}
