export * from './wait-for';
export * from './test-env';
export * from './test-database';
export * from './local-redis-cluster';
export * from './run-tool';
export * from './committed-api-document';
export * from './documented-response-validator';
export * from './documented-answer';
