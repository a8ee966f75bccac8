import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { CommonEnv } from '../config/common-env.schema';
import { READINESS_CHECKS, type ReadinessCheck, withTimeout } from './readiness-check';

const CHECK_TIMEOUT_MS = 2_000;

/** One readiness check's answer: `up`, or `down: <why>`. */
export interface DependencyState {
  readonly name: string;
  readonly state: string;
}

/**
 * The answers of the readiness checks. `/health/ready` asks for fresh ones on every call; `/metrics`
 * takes the most recent ones while they are younger than DEPENDENCY_CHECK_INTERVAL_MS, so however often
 * it is scraped the dependencies are checked at most once per interval (and not at all between the
 * readiness probes, whose answers it reuses). Age is kept by an unref'd timer, not by the Clock: an
 * event-time clock stands still in a replay and would keep a stale answer for ever.
 */
@Injectable()
export class DependencyStatus implements OnModuleDestroy {
  private recentStates: Promise<readonly DependencyState[]> | undefined;
  private expiry: NodeJS.Timeout | undefined;

  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[],
    @Inject(APP_CONFIG) private readonly config: Pick<CommonEnv, 'DEPENDENCY_CHECK_INTERVAL_MS'>,
  ) {}

  /** Runs every check now (they never reject: a failure is a `down` state). */
  checkNow(): Promise<readonly DependencyState[]> {
    const states = Promise.all(this.checks.map((c) => stateOf(c)));
    this.remember(states);
    return states;
  }

  /** The states of the last run while younger than the interval (a run in flight is shared), else a new run. */
  recent(): Promise<readonly DependencyState[]> {
    return this.recentStates ?? this.checkNow();
  }

  onModuleDestroy(): void {
    clearTimeout(this.expiry);
  }

  private remember(states: Promise<readonly DependencyState[]>): void {
    this.recentStates = states;
    void states.then(() => {
      if (this.recentStates !== states) return;
      clearTimeout(this.expiry);
      this.expiry = setTimeout(() => {
        if (this.recentStates === states) this.recentStates = undefined;
      }, this.config.DEPENDENCY_CHECK_INTERVAL_MS);
      this.expiry.unref();
    });
  }
}

async function stateOf(check: ReadinessCheck): Promise<DependencyState> {
  try {
    await withTimeout(check.check(), CHECK_TIMEOUT_MS, check.name);
    return { name: check.name, state: 'up' };
  } catch (error) {
    return { name: check.name, state: `down: ${(error as Error).message}` };
  }
}
