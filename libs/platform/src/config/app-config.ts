/** Injection token for an app's validated, typed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
