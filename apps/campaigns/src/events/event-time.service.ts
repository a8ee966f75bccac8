import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, isEventTimeObserver } from '@promo/platform';
import type { EntityManager } from 'typeorm';

/**
 * Records how far each input partition has come in event time (K4): the watermark reads it, and a
 * replay's event-time clock is moved forward with it.
 */
@Injectable()
export class EventTimeService {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async observe(manager: EntityManager, position: { readonly topic: string; readonly partition: number }, eventTime: string): Promise<void> {
    await this.observeMany(manager, position, [eventTime]);
  }

  /** #21: observe() for a batch of one partition's events: one write, of the latest time among them. */
  async observeMany(manager: EntityManager, position: { readonly topic: string; readonly partition: number }, eventTimes: readonly string[]): Promise<void> {
    const latest = Math.max(...eventTimes.map((time) => Date.parse(time)));
    if (!Number.isFinite(latest)) return;
    const at = new Date(latest);
    await manager.query(
      `INSERT INTO partition_progress (topic, partition, max_event_time) VALUES ($1, $2, $3)
       ON CONFLICT (topic, partition) DO UPDATE SET max_event_time = GREATEST(partition_progress.max_event_time, EXCLUDED.max_event_time)`,
      [position.topic, position.partition, at],
    );
    if (isEventTimeObserver(this.clock)) this.clock.observe(at);
  }
}
