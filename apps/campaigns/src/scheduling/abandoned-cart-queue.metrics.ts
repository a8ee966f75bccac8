import { queueMetricsProvider } from '@promo/platform';
import { AbandonedCartQueue } from './abandoned-cart.queue';

/** X4: /metrics reports the abandoned-cart timer queue's depth and the age of its oldest waiting job. */
export const abandonedCartQueueMetrics = queueMetricsProvider(AbandonedCartQueue, (owner) => [owner.queue]);
