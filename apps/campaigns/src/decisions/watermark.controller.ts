import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { RequiresScope } from '@promo/platform';
import { WATERMARK_EXAMPLE } from '../docs/campaigns-api.examples';
import { WATERMARK_SCHEMA } from '../docs/campaigns-api.schemas';
import { DataSource } from 'typeorm';
import { WatermarkService } from './watermark.service';

export interface WatermarkState {
  /** The K4 watermark (RFC 3339), or null while a partition has told nothing yet. */
  readonly watermark: string | null;
  /** Emails due at or before the watermark that are not yet decided, or decided and not yet sent. */
  readonly pendingDue: number;
}

/** Where event time stands, for operators and the contract replay: all due work done when pendingDue is 0. */
@Controller('v1/ops/watermark')
export class WatermarkController {
  constructor(
    private readonly watermarks: WatermarkService,
    private readonly dataSource: DataSource,
  ) {}

  @ApiOkResponse({ description: 'the watermark and the due work not yet done', schema: WATERMARK_SCHEMA, example: WATERMARK_EXAMPLE })
  @Get()
  @RequiresScope('admin')
  async state(): Promise<WatermarkState> {
    const watermark = await this.watermarks.current();
    if (watermark === null) return { watermark: null, pendingDue: 0 };
    const [row]: { pending: string }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM email_schedules WHERE status = 'pending' AND due_at <= $1)
            + (SELECT count(*) FROM emails WHERE status = 'queued') AS pending`,
      [watermark],
    );
    return { watermark: watermark.toISOString(), pendingDue: Number(row?.pending ?? 0) };
  }
}
