import type { IDataObject } from 'n8n-workflow';

import { trackingParameters } from './trackingParameters';
import { isTestTransaction } from './transactionTypes';

type Fields = Record<string, unknown>;

function record(value: unknown): Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Fields)
		: {};
}

function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** INS sends amounts and counts as JSON numbers; text such as "9.56" is read too, else null. */
function numeric(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
	return null;
}

function flag(value: unknown): boolean | null {
	return typeof value === 'boolean' ? value : null;
}

/**
 * `20200913T120536-0700` (INS's basic ISO 8601 form) → `2020-09-13T12:05:36-07:00`, which date nodes
 * and the Pinterest Conversions node read directly. Null when the text has another shape.
 */
export function isoTransactionTime(value: unknown): string | null {
	const match =
		typeof value === 'string'
			? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(value.trim())
			: null;
	if (!match) return null;
	const [, year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match;
	return `${year}-${month}-${day}T${hour}:${minute}:${second}${offsetHours}:${offsetMinutes}`;
}

/** Billing email first (the buyer's), shipping email when billing has none. */
function customerEmail(customer: Fields): string | null {
	return text(record(customer.billing).email) ?? text(record(customer.shipping).email);
}

function lineItem(value: unknown): IDataObject {
	const item = record(value);
	return {
		itemNo: text(item.itemNo),
		productTitle: text(item.productTitle),
		lineItemType: text(item.lineItemType),
		quantity: numeric(item.quantity),
		productPrice: numeric(item.productPrice),
		productDiscount: numeric(item.productDiscount),
		taxAmount: numeric(item.taxAmount),
		shippingAmount: numeric(item.shippingAmount),
		accountAmount: numeric(item.accountAmount),
		affiliatePayout: numeric(item.affiliatePayout),
		recurring: flag(item.recurring),
		shippable: flag(item.shippable),
	};
}

/**
 * The fields a workflow needs, under stable names, next to the whole decoded `notification`.
 * Amounts are in `currency` (the buyer's); `accountAmount` is what this ClickBank account earns.
 */
export function normaliseNotification(notification: Fields): IDataObject {
	const transactionType = String(notification.transactionType).trim().toUpperCase();
	const parameters = trackingParameters(notification);
	const codes = Array.isArray(notification.trackingCodes) ? notification.trackingCodes : [];
	const items = Array.isArray(notification.lineItems) ? notification.lineItems : [];
	return {
		receipt: text(notification.receipt),
		transactionType,
		test: isTestTransaction(transactionType),
		transactionTime: text(notification.transactionTime),
		transactionTimeIso: isoTransactionTime(notification.transactionTime),
		amount: numeric(notification.totalOrderAmount),
		currency: text(notification.currency),
		taxAmount: numeric(notification.totalTaxAmount),
		shippingAmount: numeric(notification.totalShippingAmount),
		accountAmount: numeric(notification.totalAccountAmount),
		customerEmail: customerEmail(record(notification.customer)),
		affiliate: text(notification.affiliate),
		vendor: text(notification.vendor),
		role: text(notification.role),
		trackingCodes: codes.map(text).filter((code): code is string => code !== null),
		vendorVariables: record(notification.vendorVariables) as IDataObject,
		trafficSource: parameters.traffic_source ?? null,
		trackingParameters: parameters,
		lineItems: items.map(lineItem),
		insVersion: numeric(notification.version),
		attemptCount: numeric(notification.attemptCount),
		notification: notification as IDataObject,
	};
}
