/** Pinterest ad account ids: digits only, at most 18 (the spec's ad_account_id pattern and maxLength). */
export const AD_ACCOUNT_ID = /^\d{1,18}$/;
