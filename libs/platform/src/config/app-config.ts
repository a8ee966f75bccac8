/** Injection token for an app's validated, typed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Injection token for the running service's name (logs, docs titles, metrics labels). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
