import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { DependencyMetrics } from './dependency.metrics';
import { DependencyStatus } from './dependency-status';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

/** `/health/live` and `/health/ready` over the given checks (each an injectable provided elsewhere). */
@Module({})
export class HealthModule {
  /** `providers`: checks that no imported module exports (they are instantiated here). */
  static forRoot(checks: readonly Type<ReadinessCheck>[], providers: readonly Type<ReadinessCheck>[] = []): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        ...providers,
        { provide: READINESS_CHECKS, inject: [...checks], useFactory: (...instances: ReadinessCheck[]) => instances },
        DependencyStatus,
        DependencyMetrics,
      ],
    };
  }
}
