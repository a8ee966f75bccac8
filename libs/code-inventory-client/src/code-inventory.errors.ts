/** code-inventory cannot serve now (unreachable, timed out, 5xx, 429, or the breaker is open): worth trying again later. */
export class CodeInventoryUnavailableError extends Error {}

/** code-inventory refused this request (a 4xx other than 404 and 429): trying again will not help. */
export class CodeInventoryRefusedError extends Error {}
