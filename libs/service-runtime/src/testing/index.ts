export * from './service-process';
export * from './service-lifecycle.suite';
export * from './http-fuzz';
export * from './http-adapter-comparison';
export * from './bench-env';
