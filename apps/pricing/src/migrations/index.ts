import { CreateMessagingTables1764082800000 } from './1764082800000-create-messaging-tables.migration';

/** Every migration of the pricing schema, in order. */
export const pricingMigrations = [CreateMessagingTables1764082800000];
