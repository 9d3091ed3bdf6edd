// Types of clickbankIns.js, so that the unit tests use the same SALE (test/unit/nodes/ClickBankTrigger/fixtures.ts).

export function insBody(notification: Record<string, unknown>, secretKey: string): string;

export function saleNotification(overrides?: Record<string, unknown>): Record<string, unknown>;
