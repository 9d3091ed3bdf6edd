// POST /oauth/token: code exchange and refresh with Pinterest's rotating refresh tokens.
const CLIENT = { id: 'client-id-1', secret: 'client-secret-1' };
const SCOPE = 'ads:read,ads:write,user_accounts:read';
const ACCESS_TOKEN_SECONDS = 2592000; // 30 days
const REFRESH_TOKEN_SECONDS = 5184000; // 60 days

function issueTokens(state) {
	state.tokens.issued++;
	const access = `access-${state.tokens.issued}`;
	const refresh = `refresh-${state.tokens.issued}`;
	// The old pair stops working: only the newly issued tokens are valid.
	state.tokens.access = new Set([access]);
	state.tokens.refresh = refresh;
	return {
		access_token: access,
		refresh_token: refresh,
		response_type: 'refresh_token',
		token_type: 'bearer',
		expires_in: ACCESS_TOKEN_SECONDS,
		refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
		refresh_token_expires_at: Math.floor(Date.now() / 1000) + REFRESH_TOKEN_SECONDS,
		scope: SCOPE,
	};
}

function handleOauthToken(state, req, rawBody, send, error, res) {
	const expected = `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`;
	if (req.headers.authorization !== expected) return error(res, 401, 2, 'Authentication failed.');
	const form = new URLSearchParams(rawBody);
	const grant = form.get('grant_type');
	if (grant === 'refresh_token' && form.get('refresh_token') === state.tokens.refresh) {
		return send(res, 200, issueTokens(state));
	}
	if (grant === 'authorization_code' && form.get('code') === 'code-1') {
		return send(res, 200, { ...issueTokens(state), response_type: 'authorization_code' });
	}
	// An unknown, rotated-away or revoked refresh token (or code). Pinterest's token endpoint is OAuth 2.0, whose
	// RFC 6749 §5.2 answers 400 with `error: "invalid_grant"`; the spec types its errors as { code, message }. The
	// answer carries both, so n8n's OAuth client and the contract check read it as they read Pinterest's.
	return send(res, 400, {
		code: 1,
		message: 'Invalid grant.',
		error: 'invalid_grant',
		error_description: 'The refresh token is invalid, expired or revoked.',
	});
}

module.exports = { handleOauthToken, CLIENT };
