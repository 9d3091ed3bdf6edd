/**
 * What an answer is ("a string", "an object", "empty"), for a message about an answer of the wrong shape: the
 * answer itself is not shown, since it may hold anything a proxy put there.
 */
export function shapeOf(value: unknown): string {
	if (value === undefined || value === '') return 'empty';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
