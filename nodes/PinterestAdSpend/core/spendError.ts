/**
 * A failure the user can act on: `message` states what happened, `fix` what to do. Thrown below the
 * operation without the n8n node; nodes/PinterestAdSpend/actions/itemError.ts turns it into the node's
 * error, once.
 */
export class SpendError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
	}
}
