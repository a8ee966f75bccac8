import { Controller, Get, Global, Header, Inject, Module } from '@nestjs/common';
import { ApiProduces, ApiOkResponse } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { PublicRoute } from '../auth/requires-scope.decorator';

/** Injection token for the app's Prometheus registry. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

@Controller('metrics')
@PublicRoute()
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @ApiOkResponse({
    description: 'the Prometheus text exposition format (0.0.4)',
    content: { 'text/plain': { schema: { type: 'string' }, example: '# HELP http_request_duration_seconds HTTP request duration\n# TYPE http_request_duration_seconds histogram\n' } },
  })
  @ApiProduces('text/plain')
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/** A registry per app (never the global one, so tests can boot several apps) with Node's default metrics. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: METRICS_REGISTRY,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
  ],
  exports: [METRICS_REGISTRY],
})
export class MetricsModule {}
