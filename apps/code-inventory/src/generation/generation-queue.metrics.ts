import { queueMetricsProvider } from '@promo/platform';
import { GenerationQueueService } from './generation-queue.service';

/** X4: /metrics reports the generation queue's depth and the age of its oldest waiting job. */
export const generationQueueMetrics = queueMetricsProvider(GenerationQueueService, (service) => [service.queue]);
