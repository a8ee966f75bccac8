import { GenerationQueueService } from '../src/generation/generation-queue.service';
import { type InventoryApp, startInventoryApp } from './support/inventory-app';

describe('GET /metrics of code-inventory (X4)', () => {
  let inventory: InventoryApp;

  beforeAll(async () => {
    inventory = await startInventoryApp();
  });

  afterAll(async () => {
    await inventory.close();
  });

  it('reports the generation queue read from Redis: a delayed job shows as delayed, none waits', async () => {
    const { queue } = inventory.app.get(GenerationQueueService);
    const probe = await queue.add('generate', { jobId: 'metrics-probe' }, { jobId: 'metrics-probe', delay: 3_600_000 });
    try {
      const exposition = await (await fetch(`${inventory.baseUrl}/metrics`)).text();
      expect(exposition).toContain('bullmq_queue_jobs{queue="code-generation",state="delayed"} 1');
      expect(exposition).toContain('bullmq_queue_jobs{queue="code-generation",state="waiting"} 0');
      expect(exposition).toContain('bullmq_queue_oldest_waiting_seconds{queue="code-generation"} 0');
    } finally {
      await probe.remove();
    }
  });
});
