import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, type SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';
import { RequiresScope } from '@promo/platform';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingModuleOptions } from '../messaging.options';

export interface IngestionStats {
  readonly group: string;
  /** Distinct CloudEvents whose effect this service committed, per topic. */
  readonly topics: readonly { readonly topic: string; readonly processed: number }[];
  /** Records the group never read because the log start passed them (issue 18): never a quiet reset. */
  readonly lost: readonly { readonly topic: string; readonly partition: number; readonly records: number }[];
}

/** What this service has consumed (X1, X2): the contract tests compare it with the recorded stream. */
@Controller('v1/ops/ingestion')
export class IngestionStatsController {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly dataSource: DataSource,
  ) {}

  // In every service's OpenAPI document from ingestion-stats.schema.json (#24).
  @ApiOkResponse({
    description: "what this service's consumer group has consumed",
    schema: contractOpenApiSchema('ingestion-stats') as SchemaObject,
    example: { group: 'pricing', topics: [{ topic: 'cart.updated', processed: 1200 }], lost: [] },
  })
  @Get()
  @RequiresScope('admin')
  async stats(): Promise<IngestionStats> {
    const group = this.options.groupId ?? this.options.app;
    const rows: { topic: string; processed: string }[] = await this.dataSource.query(
      `SELECT topic, count(*)::text AS processed FROM processed_events WHERE consumer_group = $1 GROUP BY topic ORDER BY topic`,
      [group],
    );
    const lost: { topic: string; partition: number; records: string }[] = await this.dataSource.query(
      `SELECT topic, partition, lost_records::text AS records FROM consumer_positions WHERE consumer_group = $1 AND lost_records > 0 ORDER BY topic, partition`,
      [group],
    );
    return {
      group,
      topics: rows.map((r) => ({ topic: r.topic, processed: Number(r.processed) })),
      lost: lost.map((r) => ({ topic: r.topic, partition: r.partition, records: Number(r.records) })),
    };
  }
}
