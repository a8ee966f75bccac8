export * from './circuit-breaker';
export * from './code-inventory-client.options';
export * from './code-inventory.client';
export * from './code-inventory.errors';
export * from './code-lookup.outcome';
