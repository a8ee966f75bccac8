export * from './kafka-test-helpers';
export * from './ingest-bench';
