export * from './service-core.module';
export * from './migrate-service';
