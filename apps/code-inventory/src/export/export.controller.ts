import { pipeline } from 'node:stream/promises';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import type { Response } from 'express';
import { EXPORT_CSV_EXAMPLE } from '../docs/code-api.examples';
import { EXPORT_COLUMNS, ExportService } from './export.service';

@Controller('v1/groups/:groupId/export')
@RequiresScope('admin')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  /** CSV with a header line; each code's state, to whom and when it was issued (C5). */
  @ApiProblemResponses(400, 404)
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `the group's codes in id order, as an attachment <groupId>.csv: a header line, then one line per code with the columns ${EXPORT_COLUMNS.join(', ')} (booleans t/f, times as Postgres writes them; text that a spreadsheet would read as a formula is quoted with a leading ')`,
    headers: { 'Content-Disposition': { description: 'attachment; filename="<groupId>.csv"', schema: { type: 'string' } } },
    content: { 'text/csv': { schema: { type: 'string' }, example: EXPORT_CSV_EXAMPLE } },
  })
  @Get()
  async exportGroup(@Param('groupId') groupId: string, @Res() response: Response): Promise<void> {
    const rows = await this.exports.exportGroup(groupId);
    response.status(200).type('text/csv').setHeader('content-disposition', `attachment; filename="${groupId}.csv"`);
    response.write(`${EXPORT_COLUMNS.join(',')}\n`);
    await pipeline(rows, response);
  }
}
