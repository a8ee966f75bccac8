import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Ready when the app's pool can run a query (X4). */
@Injectable()
export class PostgresReadinessCheck {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<void> {
    if (!this.dataSource.isInitialized) throw new Error('the connection pool is not initialised');
    await this.dataSource.query('SELECT 1');
  }
}
