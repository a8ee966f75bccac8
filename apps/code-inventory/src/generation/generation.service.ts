import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, NotFoundError, ValidationFailedError } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { WriteResult } from '../database/write-result';
import { GroupsService } from '../groups/groups.service';
import { compilePattern, type GenerationSpec } from './code-pattern';
import { GENERATION_JOB_COLUMNS, type GenerationJobRow, type GenerationProgress, toProgress } from './generation-job';
import { GenerationQueueService } from './generation-queue.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** C3: starts, reports and cancels bulk generation jobs. */
@Injectable()
export class GenerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
    private readonly queue: GenerationQueueService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(groupId: string, spec: GenerationSpec): Promise<GenerationProgress> {
    await this.groups.requireRow(this.dataSource.manager, groupId);
    const compiled = compilePattern(spec);
    if (!compiled.ok) throw new ValidationFailedError(compiled.errors);
    const id = randomUUID();
    const now = this.clock.now();
    const rows: GenerationJobRow[] = await this.dataSource.query(
      `INSERT INTO generation_jobs (id, group_id, spec, total, state, created_at, updated_at) VALUES ($1, $2, $3, $4, 'queued', $5, $5)
       RETURNING ${GENERATION_JOB_COLUMNS}`,
      [id, groupId, JSON.stringify(spec), spec.count, now],
    );
    // Enqueued after the row commits; if this fails, the next start finds the queued row and enqueues it.
    await this.queue.enqueue(id);
    const row = rows[0];
    if (row === undefined) throw new Error(`generation job ${id} was not stored`);
    return toProgress(row, now);
  }

  async progress(id: string): Promise<GenerationProgress> {
    if (!UUID.test(id)) throw new NotFoundError(`no job ${id}`);
    const rows: GenerationJobRow[] = await this.dataSource.query(`SELECT ${GENERATION_JOB_COLUMNS} FROM generation_jobs WHERE id = $1`, [id]);
    const row = rows[0];
    if (row === undefined) throw new NotFoundError(`no job ${id}`);
    return toProgress(row, this.clock.now());
  }

  /** Stops a queued or running job; the codes already made stay (the batch in flight is rolled back). */
  async cancel(id: string): Promise<GenerationProgress> {
    if (!UUID.test(id)) throw new NotFoundError(`no job ${id}`);
    const now = this.clock.now();
    const [rows]: WriteResult<GenerationJobRow> = await this.dataSource.query(
      `UPDATE generation_jobs SET state = 'cancelled', finished_at = $2, updated_at = $2 WHERE id = $1 AND state IN ('queued', 'running')
       RETURNING ${GENERATION_JOB_COLUMNS}`,
      [id, now],
    );
    const row = rows[0];
    return row === undefined ? this.progress(id) : toProgress(row, now);
  }
}
