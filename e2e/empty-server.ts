/**
 * The second e2e server: the same build on an EMPTY database, for the journeys that start from
 * a fresh install (first-run set-up, then imports and a first roster). playwright.config.ts
 * starts it on the demo server's port + 1 with this set-up token, which the server accepts in
 * place of a random one because the e2e servers run with SUNSHIFT_DEMO=1.
 */
export const EMPTY_SERVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
export const EMPTY_SERVER_URL = `http://127.0.0.1:${EMPTY_SERVER_PORT}`;
export const E2E_SETUP_TOKEN = "e2e-setup-token-0123456789abcdefghijklmnop";
