import type { FactoryProvider, Type } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { CLOCK, type Clock } from '../clock/clock';
import { METRICS_REGISTRY } from './metrics.module';
import { type ObservedQueue, registerQueueMetrics } from './queue.metrics';

/** Injection token of the (valueless) provider that registered the app's BullMQ queue metrics. */
export const QUEUE_METRICS = Symbol('QUEUE_METRICS');

/**
 * A provider that registers `bullmq_queue_jobs` / `bullmq_queue_oldest_waiting_seconds` for the queues
 * `owner` holds, once, when the app's module is built. Add it to the module that provides `owner`.
 */
export function queueMetricsProvider<T>(owner: Type<T>, queuesOf: (owner: T) => readonly ObservedQueue[]): FactoryProvider<true> {
  return {
    provide: QUEUE_METRICS,
    inject: [METRICS_REGISTRY, CLOCK, owner],
    useFactory: (registry: Registry, clock: Clock, instance: T) => {
      registerQueueMetrics(registry, queuesOf(instance), clock);
      return true;
    },
  };
}
