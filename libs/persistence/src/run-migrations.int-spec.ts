import { testInfra, uniqueSuffix } from '@promo/platform/testing';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createAppDataSource } from './data-source.factory';
import { runMigrations } from './run-migrations';

/** A migration slow enough that two unserialised runs would both start it. */
class CreateCounted1732540000001 implements MigrationInterface {
  name = 'CreateCounted1732540000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_sleep(0.3)`);
    await queryRunner.query(`CREATE TABLE counted (id int PRIMARY KEY)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE counted`);
  }
}

describe('runMigrations', () => {
  const schema = `migrate_${uniqueSuffix()}`;
  const sources: DataSource[] = [];

  const source = (poolSize: number): DataSource => {
    const dataSource = createAppDataSource({ url: testInfra().pgUrl, schema, entities: [], migrations: [CreateCounted1732540000001], poolSize });
    sources.push(dataSource);
    return dataSource;
  };

  afterAll(async () => {
    const admin = sources[0];
    if (admin?.isInitialized) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
  });

  it('serialises concurrent runs of one schema: the migration is applied once, by one of them', async () => {
    const results = await Promise.all([runMigrations(source(1), schema), runMigrations(source(1), schema), runMigrations(source(2), schema)]);

    expect(results.map((applied) => applied.length).sort()).toEqual([0, 0, 1]);
    const [first] = sources;
    const rows: Array<{ name: string }> = await (first as DataSource).query(`SELECT name FROM "${schema}".migrations`);
    expect(rows.map((row) => row.name)).toEqual(['CreateCounted1732540000001']);
  });
});
