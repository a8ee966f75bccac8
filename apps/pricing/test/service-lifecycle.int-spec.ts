import { describeServiceLifecycle } from '@promo/service-runtime/testing';

describeServiceLifecycle('pricing');
