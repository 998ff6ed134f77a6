/** Where the REST API lives (ADR 0027); its own module so the fetch handler can name it without loading the library. */
export const REST_PREFIX = "/api/v1";
