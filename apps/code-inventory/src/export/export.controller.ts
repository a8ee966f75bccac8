import { pipeline } from 'node:stream/promises';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import type { Response } from 'express';
import { EXPORT_COLUMNS, ExportService } from './export.service';

@Controller('v1/groups/:groupId/export')
@RequiresScope('admin')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  /** CSV with a header line; each code's state, to whom and when it was issued (C5). */
  @ApiProblemResponses(400, 404)
  @Get()
  async exportGroup(@Param('groupId') groupId: string, @Res() response: Response): Promise<void> {
    const rows = await this.exports.exportGroup(groupId);
    response.status(200).type('text/csv').setHeader('content-disposition', `attachment; filename="${groupId}.csv"`);
    response.write(`${EXPORT_COLUMNS.join(',')}\n`);
    await pipeline(rows, response);
  }
}
