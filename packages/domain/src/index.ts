// @frontdesk/domain: the rules the browser and the server must agree on. Safe to ship to the
// browser: it depends on zod only (Temporal is a test-only reference) and imports nothing of ours.
export {};
