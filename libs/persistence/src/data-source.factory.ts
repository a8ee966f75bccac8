import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { ProcessedEvent } from './processed-event.entity';
import { OutboxMessage } from './outbox-message.entity';

// A class constructor as TypeORM takes it for entities and migrations.
type Constructor = abstract new (...args: never[]) => unknown;

export interface AppDataSourceOptions {
  /** postgres://user@host:port/database */
  readonly url: string;
  /** The app's own schema (`pricing`, `code_inventory`, ...): every unqualified name resolves there. */
  readonly schema: string;
  readonly entities: readonly (Constructor | EntitySchema)[];
  readonly migrations: readonly Constructor[];
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/** TypeORM options for one app: its schema first on the search_path, snake_case, never `synchronize`. */
export function appDataSourceOptions(options: AppDataSourceOptions): DataSourceOptions {
  if (!/^[a-z][a-z0-9_]*$/.test(options.schema)) throw new Error(`schema "${options.schema}" must be snake_case`);
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: [ProcessedEvent, OutboxMessage, ...options.entities] as MixedList<Constructor | EntitySchema>,
    migrations: [...options.migrations] as MixedList<Constructor>,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName ?? options.schema,
    extra: {
      max: options.poolSize ?? 10,
      // Unqualified names in migrations and queries land in the app's schema, never in public.
      options: `-c search_path=${options.schema}`,
    },
  };
}

export function createAppDataSource(options: AppDataSourceOptions): DataSource {
  return new DataSource(appDataSourceOptions(options));
}
