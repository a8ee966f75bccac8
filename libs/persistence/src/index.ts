export * from './snake-naming.strategy';
export * from './bigint-money.transformer';
export * from './data-source.factory';
export * from './run-migrations';
export * from './processed-event.entity';
export * from './outbox-message.entity';
export * from './messaging-tables.sql';
export * from './postgres-readiness.check';
