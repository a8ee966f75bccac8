import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { PublicRoute } from '../auth/requires-scope.decorator';
import { ApiLiveResponses, ApiReadyResponses } from '../docs/probe-responses';
import type { HttpReply } from '../http/http-exchange';
import { DependencyStatus } from './dependency-status';

@Controller('health')
@PublicRoute()
export class HealthController {
  constructor(private readonly dependencies: DependencyStatus) {}

  /** The process is up and its event loop answers. */
  @ApiLiveResponses()
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 only when every dependency answers now; 503 naming the ones that do not. */
  @ApiReadyResponses()
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: HttpReply): Promise<{ status: 'ok' | 'unavailable'; checks: Record<string, string> }> {
    const states = await this.dependencies.checkNow();
    const isReady = states.every(({ state }) => state === 'up');
    response.status(isReady ? 200 : 503);
    return { status: isReady ? 'ok' : 'unavailable', checks: Object.fromEntries(states.map(({ name, state }) => [name, state])) };
  }
}
