import { EventTimeClock } from '@promo/platform';
import { campaignsTestEnv, type CampaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './campaigns-test-env';
import { type RunningCodeInventory, startCodeInventory } from './code-inventory-process';
import { deleteReceived } from './maildev-inbox';

/** Campaigns on event time, issuing codes from a real code-inventory of its own (WINBACK uploaded). */
export interface CampaignsWithCodes {
  readonly env: CampaignsTestEnv;
  readonly running: RunningCampaigns;
  readonly inventory: RunningCodeInventory;
  /** Stops both services, drops campaigns' database and deletes the emails of `campaignIds` from maildev. */
  stop(campaignIds: readonly string[]): Promise<void>;
}

export async function startCampaignsWithCodes(): Promise<CampaignsWithCodes> {
  const inventory = await startCodeInventory();
  const env = { ...campaignsTestEnv(await createTestDatabase()), ...inventory.campaignsEnv };
  await migrate(env);
  const running = await startCampaigns(env, new EventTimeClock(0));
  return {
    env,
    running,
    inventory,
    async stop(campaignIds) {
      await running.app.close();
      await dropTestDatabase(running.config.PG_URL);
      await inventory.stop();
      await deleteReceived(campaignIds);
    },
  };
}
