import type { DroppedField } from './input';

/**
 * One line for the run's execution hint: how many sent events went without which fields, most frequent first.
 * Undefined when nothing was left out.
 */
export function summariseDropped(droppedPerEvent: readonly DroppedField[][]): string | undefined {
	const counts = new Map<string, number>();
	let events = 0;
	for (const dropped of droppedPerEvent) {
		if (dropped.length === 0) continue;
		events++;
		for (const field of new Set(dropped.map((entry) => entry.field))) {
			counts.set(field, (counts.get(field) ?? 0) + 1);
		}
	}
	if (events === 0) return undefined;
	const fields = [...counts.entries()]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.map(([field, count]) => `${field} (${count})`)
		.join(', ');
	const noun = events === 1 ? 'event was' : 'events were';
	return `${events} ${noun} sent without fields that could not be used: ${fields}. Each Sent item lists them with the reason under droppedFields.`;
}
