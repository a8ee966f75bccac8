import { Global, Module } from '@nestjs/common';
import { PgPoolShutdown, PG_POOL, pgPoolProvider } from './pg-pool.provider';

/** The raw `pg` pool beside TypeORM, for COPY and prepared lookups. */
@Global()
@Module({ providers: [pgPoolProvider, PgPoolShutdown], exports: [PG_POOL] })
export class DatabaseModule {}
