// Checks a workflow template against the node descriptions n8n itself loaded (`n8n export:nodes`):
// every node type and version exists, every parameter is one the node defines and shows for the
// node's other settings, fixed choices are among the node's options, and credentials are named,
// never given by id. Returns the problems found, as text.

/** Whether a version or parameter value satisfies one entry of a displayOptions list. */
function matches(expected, actual) {
	if (expected && typeof expected === 'object' && '_cnd' in expected) {
		const [[op, operand]] = Object.entries(expected._cnd);
		switch (op) {
			case 'eq':
				return actual === operand;
			case 'not':
				return actual !== operand;
			case 'gte':
				return actual >= operand;
			case 'lte':
				return actual <= operand;
			case 'gt':
				return actual > operand;
			case 'lt':
				return actual < operand;
			case 'between':
				return actual >= operand.from && actual <= operand.to;
			case 'startsWith':
				return String(actual).startsWith(operand);
			case 'endsWith':
				return String(actual).endsWith(operand);
			case 'includes':
				return String(actual).includes(operand);
			case 'regex':
				return new RegExp(operand).test(String(actual));
			case 'exists':
				return actual !== undefined && actual !== null && actual !== '';
			default:
				return false;
		}
	}
	return expected === actual;
}

function valueOf(name, parameters, properties, typeVersion) {
	if (name === '@version') return typeVersion;
	const key = name.replace(/^\//, '');
	if (key in parameters) return parameters[key];
	const property = properties.find(
		(p) => p.name === key && isShown(p, parameters, properties, typeVersion),
	);
	return property?.default;
}

function isShown(property, parameters, properties, typeVersion) {
	const { show, hide } = property.displayOptions ?? {};
	for (const [name, values] of Object.entries(show ?? {})) {
		const actual = valueOf(name, parameters, properties, typeVersion);
		if (!values.some((expected) => matches(expected, actual))) return false;
	}
	for (const [name, values] of Object.entries(hide ?? {})) {
		const actual = valueOf(name, parameters, properties, typeVersion);
		if (values.some((expected) => matches(expected, actual))) return false;
	}
	return true;
}

const isExpression = (value) => typeof value === 'string' && value.startsWith('=');

function checkValue(where, property, value, problems) {
	if (isExpression(value)) return;
	if (property.type === 'options' && !property.typeOptions?.loadOptionsMethod) {
		const allowed = (property.options ?? []).map((o) => o.value);
		if (!allowed.includes(value))
			problems.push(`${where}: "${value}" is not one of ${JSON.stringify(allowed)}`);
	}
	if (property.type === 'multiOptions' && !property.typeOptions?.loadOptionsMethod) {
		const allowed = (property.options ?? []).map((o) => o.value);
		for (const v of value ?? [])
			if (!allowed.includes(v))
				problems.push(`${where}: "${v}" is not one of ${JSON.stringify(allowed)}`);
	}
	if (property.type === 'collection' && value && typeof value === 'object') {
		for (const [key, sub] of Object.entries(value)) {
			const option = (property.options ?? []).find((o) => o.name === key);
			if (!option) problems.push(`${where}.${key}: the node defines no such option`);
			else checkValue(`${where}.${key}`, option, sub, problems);
		}
	}
	if (property.type === 'fixedCollection' && value && typeof value === 'object') {
		for (const [key, entries] of Object.entries(value)) {
			const group = (property.options ?? []).find((o) => o.name === key);
			if (!group) {
				problems.push(`${where}.${key}: the node defines no such group`);
				continue;
			}
			for (const entry of Array.isArray(entries) ? entries : [entries]) {
				for (const [field, sub] of Object.entries(entry ?? {})) {
					const fieldProperty = (group.values ?? []).find((v) => v.name === field);
					if (!fieldProperty)
						problems.push(`${where}.${key}.${field}: the node defines no such field`);
					else checkValue(`${where}.${key}.${field}`, fieldProperty, sub, problems);
				}
			}
		}
	}
}

/**
 * @param workflow a template
 * @param nodeTypes the output of `n8n export:nodes` (one description per node type and version)
 */
function templateProblems(workflow, nodeTypes) {
	const problems = [];
	const names = new Set(workflow.nodes.map((node) => node.name));
	if (names.size !== workflow.nodes.length) problems.push('two nodes share a name');
	if (workflow.meta?.instanceId) problems.push('meta.instanceId is set');
	for (const node of workflow.nodes) {
		const description = nodeTypes.find(
			(type) =>
				type.name === node.type &&
				(Array.isArray(type.version) ? type.version : [type.version]).includes(node.typeVersion),
		);
		if (!description) {
			problems.push(`${node.name}: no node type ${node.type} version ${node.typeVersion}`);
			continue;
		}
		const { properties } = description;
		for (const [name, value] of Object.entries(node.parameters ?? {})) {
			const candidates = properties.filter((p) => p.name === name);
			if (candidates.length === 0) {
				problems.push(`${node.name}: ${node.type} defines no parameter "${name}"`);
				continue;
			}
			const shown = candidates.filter((p) =>
				isShown(p, node.parameters, properties, node.typeVersion),
			);
			if (shown.length === 0) {
				problems.push(`${node.name}: parameter "${name}" is not used with these settings`);
				continue;
			}
			const local = [];
			checkValue(`${node.name}.${name}`, shown[0], value, local);
			// Several same-named variants: valid when any accepts the value.
			if (
				local.length &&
				!shown.slice(1).some((p) => {
					const other = [];
					checkValue(`${node.name}.${name}`, p, value, other);
					return other.length === 0;
				})
			)
				problems.push(...local);
		}
		const allowedCredentials = (description.credentials ?? []).map((c) => c.name);
		for (const [type, credential] of Object.entries(node.credentials ?? {})) {
			if (!allowedCredentials.includes(type))
				problems.push(`${node.name}: ${node.type} takes no credential ${type}`);
			if (credential?.id) problems.push(`${node.name}: credential id "${credential.id}" is set`);
		}
	}
	for (const [from, { main = [] }] of Object.entries(workflow.connections ?? {})) {
		if (!names.has(from)) problems.push(`connection from unknown node ${from}`);
		for (const output of main)
			for (const link of output ?? [])
				if (!names.has(link.node)) problems.push(`connection to unknown node ${link.node}`);
	}
	return problems;
}

module.exports = { templateProblems };
