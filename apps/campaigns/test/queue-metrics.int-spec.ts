import { EventTimeClock } from '@promo/platform';
import { AbandonedCartQueue } from '../src/scheduling/abandoned-cart.queue';
import { campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './support/campaigns-test-env';

describe('GET /metrics of campaigns (X4)', () => {
  let running: RunningCampaigns;

  beforeAll(async () => {
    const env = campaignsTestEnv(await createTestDatabase());
    await migrate(env);
    running = await startCampaigns(env, new EventTimeClock(0));
  }, 60_000);

  afterAll(async () => {
    await running.app.close();
    await dropTestDatabase(running.config.PG_URL);
  }, 60_000);

  it('reports the abandoned-cart timer queue read from Redis: a timer due in an hour shows as delayed', async () => {
    const timers = running.app.get(AbandonedCartQueue);
    const job = { campaignId: 'metrics-probe', cartId: 'cart-probe', step: 0 };
    const now = new Date('2030-03-01T10:00:00Z'); // BullMQ delays by wall time: far ahead, the job stays delayed
    await timers.schedule(job, new Date('2030-03-01T11:00:00Z'), now);
    try {
      const exposition = await (await fetch(`${running.baseUrl}/metrics`)).text();
      expect(exposition).toContain('bullmq_queue_jobs{queue="abandoned-cart",state="delayed"} 1');
      expect(exposition).toContain('bullmq_queue_jobs{queue="abandoned-cart",state="waiting"} 0');
      expect(exposition).toContain('bullmq_queue_oldest_waiting_seconds{queue="abandoned-cart"} 0');
    } finally {
      await timers.cancel(job);
    }
  });
});
