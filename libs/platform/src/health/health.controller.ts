import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublicRoute } from '../auth/requires-scope.decorator';
import { READINESS_CHECKS, type ReadinessCheck, withTimeout } from './readiness-check';

const CHECK_TIMEOUT_MS = 2_000;

@Controller('health')
@PublicRoute()
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[]) {}

  /** The process is up and its event loop answers. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 only when every dependency answers; 503 naming the ones that do not. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<{ status: 'ok' | 'unavailable'; checks: Record<string, string> }> {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await withTimeout(c.check(), CHECK_TIMEOUT_MS, c.name);
          return [c.name, 'up'] as const;
        } catch (error) {
          return [c.name, `down: ${(error as Error).message}`] as const;
        }
      }),
    );
    const isReady = results.every(([, state]) => state === 'up');
    response.status(isReady ? 200 : 503);
    return { status: isReady ? 'ok' : 'unavailable', checks: Object.fromEntries(results) };
  }
}
