import { Injectable } from '@nestjs/common';
import type { IndexSnapshot } from './index-snapshot';

/**
 * The one reference to the current snapshot. A request reads it once and prices against that object; a reload
 * swaps the reference in one assignment, so no request sees a half-updated index.
 */
@Injectable()
export class PromotionIndexHolder {
  private snapshot: IndexSnapshot | undefined;

  current(): IndexSnapshot | undefined {
    return this.snapshot;
  }

  /** Replaces the snapshot unless the one held is newer (a slow reload never undoes a faster one). */
  swap(next: IndexSnapshot): boolean {
    if (this.snapshot !== undefined && this.snapshot.version > next.version) return false;
    this.snapshot = next;
    return true;
  }
}
