export * from './service-process';
export * from './service-lifecycle.suite';
export * from './http-fuzz';
