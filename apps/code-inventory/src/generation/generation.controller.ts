import { Body, Controller, Get, HttpCode, type MessageEvent, Param, Post, Sse } from '@nestjs/common';
import { RequiresScope, ApiProblemResponses } from '@promo/platform';
import { from, interval, type Observable, startWith, switchMap, takeWhile, map } from 'rxjs';
import { GenerateCodesDto } from './dto/generate-codes.dto';
import { type GenerationProgress, isTerminal } from './generation-job';
import { GenerationService } from './generation.service';

const PROGRESS_EVERY_MS = 500;

@Controller('v1')
@RequiresScope('admin')
export class GenerationController {
  constructor(private readonly generation: GenerationService) {}

  @ApiProblemResponses(400, 404)
  @Post('groups/:groupId/generate')
  @HttpCode(202)
  start(@Param('groupId') groupId: string, @Body() body: GenerateCodesDto): Promise<GenerationProgress> {
    return this.generation.start(groupId, body);
  }

  @ApiProblemResponses(400, 404)
  @Get('jobs/:id')
  progress(@Param('id') id: string): Promise<GenerationProgress> {
    return this.generation.progress(id);
  }

  /** Server-sent events: the progress every half second, the last one when the job ends. */
  @ApiProblemResponses(400, 404)
  @Sse('jobs/:id/events')
  events(@Param('id') id: string): Observable<MessageEvent> {
    return interval(PROGRESS_EVERY_MS).pipe(
      startWith(0),
      switchMap(() => from(this.generation.progress(id))),
      takeWhile((progress) => !isTerminal(progress.state), true),
      map((progress) => ({ data: progress, type: 'progress' })),
    );
  }

  @ApiProblemResponses(400, 404)
  @Post('jobs/:id/cancel')
  @HttpCode(200)
  cancel(@Param('id') id: string): Promise<GenerationProgress> {
    return this.generation.cancel(id);
  }
}
