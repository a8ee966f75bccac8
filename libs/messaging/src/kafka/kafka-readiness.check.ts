import { Inject, Injectable } from '@nestjs/common';
import type { ReadinessCheck } from '@promo/platform';
import type { Admin } from 'kafkajs';
import { KAFKA_ADMIN } from './kafka.tokens';

@Injectable()
export class KafkaReadinessCheck implements ReadinessCheck {
  readonly name = 'kafka';

  constructor(@Inject(KAFKA_ADMIN) private readonly admin: Admin) {}

  async check(): Promise<void> {
    const cluster = await this.admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no broker answered');
  }
}
