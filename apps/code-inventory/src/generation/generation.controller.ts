import { Body, Controller, Get, HttpCode, type MessageEvent, Param, Post, Sse } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiParam, ApiProduces } from '@nestjs/swagger';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { from, interval, type Observable, startWith, switchMap, takeWhile, map } from 'rxjs';
import { GenerateCodesDto } from './dto/generate-codes.dto';
import { type GenerationProgress, isTerminal } from './generation-job';
import { GenerationService } from './generation.service';
import { GENERATION_CANCELLED_EXAMPLE, GENERATION_QUEUED_EXAMPLE, GENERATION_RUNNING_EXAMPLE, JOB_EVENTS_EXAMPLE } from '../docs/code-api.examples';
import { GENERATION_PROGRESS_SCHEMA } from '../docs/code-api.schemas';

const PROGRESS_EVERY_MS = 500;

// A job id is a UUID; any other id is a job that does not exist (404), not a bad request.
const JOB_ID = ApiParam({ name: 'id', description: 'The id a generation answered with', schema: { type: 'string', format: 'uuid' } });

@Controller('v1')
@RequiresScope('admin')
export class GenerationController {
  constructor(private readonly generation: GenerationService) {}

  @ApiProblemResponses(400, 404, 413)
  @ApiAcceptedResponse({ description: 'the job, queued: follow it at /v1/jobs/{id} or its events', schema: GENERATION_PROGRESS_SCHEMA, example: GENERATION_QUEUED_EXAMPLE })
  @Post('groups/:groupId/generate')
  @HttpCode(202)
  start(@Param('groupId') groupId: string, @Body() body: GenerateCodesDto): Promise<GenerationProgress> {
    return this.generation.start(groupId, body);
  }

  @ApiProblemResponses(400, 404)
  @ApiOkResponse({ description: "the job's progress", schema: GENERATION_PROGRESS_SCHEMA, example: GENERATION_RUNNING_EXAMPLE })
  @JOB_ID
  @Get('jobs/:id')
  progress(@Param('id') id: string): Promise<GenerationProgress> {
    return this.generation.progress(id);
  }

  /** Server-sent events: the progress now, then every half second, the last one when the job ends. */
  @ApiProblemResponses(400, 404)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: `server-sent events: every ${PROGRESS_EVERY_MS} ms an event \`progress\` whose data is the job's progress as GET /v1/jobs/{id} answers it; the stream ends after the first progress in a final state (completed, cancelled or failed)`,
    content: { 'text/event-stream': { schema: { type: 'string' }, example: JOB_EVENTS_EXAMPLE } },
  })
  @JOB_ID
  @Sse('jobs/:id/events')
  async events(@Param('id') id: string): Promise<Observable<MessageEvent>> {
    // Read before the stream starts: an unknown job is then a 404 problem, not a 200 stream that errors (#24).
    const first = await this.generation.progress(id);
    return interval(PROGRESS_EVERY_MS).pipe(
      switchMap(() => from(this.generation.progress(id))),
      startWith(first),
      takeWhile((progress) => !isTerminal(progress.state), true),
      map((progress) => ({ data: progress, type: 'progress' })),
    );
  }

  @ApiProblemResponses(400, 404)
  @ApiOkResponse({ description: 'the job, cancelled; a job already ended is answered as it ended', schema: GENERATION_PROGRESS_SCHEMA, example: GENERATION_CANCELLED_EXAMPLE })
  @JOB_ID
  @Post('jobs/:id/cancel')
  @HttpCode(200)
  cancel(@Param('id') id: string): Promise<GenerationProgress> {
    return this.generation.cancel(id);
  }
}
