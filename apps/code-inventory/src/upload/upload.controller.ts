import { Readable } from 'node:stream';
import { applyDecorators, Body, Controller, HttpCode, Inject, Param, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { APP_CONFIG, PROBLEM_DETAILS_SCHEMA, RequiresScope, VALIDATION_PROBLEM_SCHEMA, ValidationFailedError, ApiProblemResponses } from '@promo/platform';
import type { Request } from 'express';
import type { CodeInventoryConfig } from '../config/env.schema';
import { UploadCodesDto } from './dto/upload-codes.dto';
import { linesOfList, linesOfStream } from './read-code-lines';
import type { UploadLimits } from './upload-limits.error';
import type { UploadReport } from './upload-report';
import { UploadService } from './upload.service';
import { UPLOAD_REPORT_EXAMPLE } from '../docs/code-api.examples';
import { UPLOAD_REPORT_SCHEMA } from '../docs/code-api.schemas';

const MAX_CSV_BYTES = 64 * 1024 * 1024;

// C4: every line is imported or none is; a 400 (invalid or repeated lines) and a 409 (codes the store holds) carry
// this report as extension members beside the problem's fields.
const withReport = (problem: SchemaObject): SchemaObject => ({ ...problem, properties: { ...problem.properties, ...UPLOAD_REPORT_SCHEMA.properties } });
const REFUSED = applyDecorators(
  ApiResponse({ status: 400, description: 'invalid or repeated lines (each in errors[] as line <n>), or over UPLOAD_MAX_LINES; nothing was imported. A refusal of lines carries the report', content: { 'application/problem+json': { schema: withReport(VALIDATION_PROBLEM_SCHEMA) } } }),
  ApiResponse({ status: 409, description: 'every line is valid but some codes are already in the store; nothing was imported. Carries the report', content: { 'application/problem+json': { schema: withReport(PROBLEM_DETAILS_SCHEMA) } } }),
);
const IMPORTED = ApiOkResponse({ description: 'every code imported; nothing is imported when any line is refused', schema: UPLOAD_REPORT_SCHEMA, example: UPLOAD_REPORT_EXAMPLE });
const LIMITS = 'At most UPLOAD_MAX_BYTES bytes (413 beyond) and UPLOAD_MAX_LINES lines (400 naming the first line beyond)';

@Controller('v1/groups/:groupId/codes')
@RequiresScope('admin')
export class UploadController {
  private readonly limits: UploadLimits;

  constructor(
    private readonly uploads: UploadService,
    @Inject(APP_CONFIG) config: CodeInventoryConfig,
  ) {
    this.limits = { maxBytes: config.UPLOAD_MAX_BYTES, maxLines: config.UPLOAD_MAX_LINES };
  }

  /** A pasted list. */
  @ApiProblemResponses(404, 413)
  @IMPORTED
  @REFUSED
  @Post()
  @HttpCode(200)
  uploadList(@Param('groupId') groupId: string, @Body() body: UploadCodesDto): Promise<UploadReport> {
    return this.uploads.importLines(groupId, linesOfList(body.codes, this.limits));
  }

  /** A CSV file as multipart/form-data, field `file`; the first column holds the code. */
  @ApiProblemResponses(404, 413)
  @IMPORTED
  @REFUSED
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: `A CSV file in the field file, of at most ${MAX_CSV_BYTES} bytes; the first column of each line holds a code. ${LIMITS}.`,
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @Post('csv')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CSV_BYTES, files: 1 } }))
  uploadCsv(@Param('groupId') groupId: string, @UploadedFile() file: { readonly buffer: Buffer } | undefined): Promise<UploadReport> {
    if (file === undefined) throw new ValidationFailedError([{ field: 'file', reason: 'required', detail: 'a multipart field "file" with the CSV is required' }]);
    return this.uploads.importLines(groupId, linesOfStream(Readable.from([file.buffer]), this.limits));
  }

  /** The streaming API: a text/plain or text/csv body up to UPLOAD_MAX_BYTES and UPLOAD_MAX_LINES, one code per line, read as it arrives. */
  @ApiProblemResponses(404, 413)
  @IMPORTED
  @REFUSED
  @ApiConsumes('text/plain', 'text/csv')
  @ApiBody({ description: `One code per line (a CSV's first column), read as it arrives. ${LIMITS}.`, schema: { type: 'string', example: 'SPRING-0001\nSPRING-0002\n' } })
  @Post('stream')
  @HttpCode(200)
  uploadStream(@Param('groupId') groupId: string, @Req() request: Request): Promise<UploadReport> {
    return this.uploads.importLines(groupId, linesOfStream(request, this.limits));
  }
}
