import type { CloudEvent } from '@promo/contracts';
import type { EntityManager } from 'typeorm';

/** Where a record came from, for logs and the processed-events row. */
export interface RecordPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
}

export interface EventContext extends RecordPosition {
  /** The transaction the effect must be written in: the processed-event row commits with it, or neither does. */
  readonly manager: EntityManager;
}

/** One topic's handler: which CloudEvent types it takes, and the effect of one event. */
export interface EventHandler {
  readonly topic: string;
  readonly types: readonly string[];
  handle(event: CloudEvent, context: EventContext): Promise<void>;
}

/** A failure that no retry can fix (a broken invariant in the data): dead-letter at once. */
export class UnrecoverableEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnrecoverableEventError';
  }
}
