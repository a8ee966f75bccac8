import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, type SchemaObject } from '@nestjs/swagger';
import { contractOpenApiSchema } from '@promo/contracts';
import { PublicRoute } from '../auth/requires-scope.decorator';
import type { HttpReply } from '../http/http-exchange';
import { DependencyStatus } from './dependency-status';

// Their answers in every service's OpenAPI document (#24), from health.schema.json.
const LIVE_SCHEMA = contractOpenApiSchema('health-live') as SchemaObject;
const READY_SCHEMA = contractOpenApiSchema('health-ready') as SchemaObject;

@Controller('health')
@PublicRoute()
export class HealthController {
  constructor(private readonly dependencies: DependencyStatus) {}

  /** The process is up and its event loop answers. */
  @ApiOkResponse({ description: 'the process is up', schema: LIVE_SCHEMA, example: { status: 'ok' } })
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 only when every dependency answers now; 503 naming the ones that do not. */
  @ApiOkResponse({ description: 'every dependency answers', schema: READY_SCHEMA, example: { status: 'ok', checks: { postgres: 'up', redis: 'up', kafka: 'up' } } })
  @ApiServiceUnavailableResponse({ description: 'a dependency does not answer: named in checks', schema: READY_SCHEMA, example: { status: 'unavailable', checks: { postgres: 'up', redis: 'down', kafka: 'up' } } })
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: HttpReply): Promise<{ status: 'ok' | 'unavailable'; checks: Record<string, string> }> {
    const states = await this.dependencies.checkNow();
    const isReady = states.every(({ state }) => state === 'up');
    response.status(isReady ? 200 : 503);
    return { status: isReady ? 'ok' : 'unavailable', checks: Object.fromEntries(states.map(({ name, state }) => [name, state])) };
  }
}
