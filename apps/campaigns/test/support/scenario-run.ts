import { EventTimeClock } from '@promo/platform';
import type { Kafka } from 'kafkajs';
import type { UpstreamRecord } from '../builders/upstream-event.builder';
import { adminRequest, type CampaignsTestEnv, campaignsTestEnv, createTestDatabase, dropTestDatabase, migrate, type RunningCampaigns, startCampaigns } from './campaigns-test-env';
import { deleteReceived, type ReceivedEmail } from './maildev-inbox';
import { produceRecords } from './produce-records';
import { type ReplayCampaigns, waitForQuietInbox } from './storefront-day.scenario';

/** One instance on a database of its own, its clock following the event time of what it consumes. */
export async function startTimelineInstance(extraEnv: Readonly<Record<string, string>> = {}): Promise<{ readonly env: CampaignsTestEnv; readonly running: RunningCampaigns }> {
  const env = { ...campaignsTestEnv(await createTestDatabase()), ...extraEnv };
  await migrate(env);
  return { env, running: await startCampaigns(env, new EventTimeClock(0)) };
}

/** Produces a hand-built timeline to the instance's topics and answers the inbox once it has settled with at least `expectedTotal` emails. */
export async function playTimeline(options: {
  readonly kafka: Kafka;
  readonly env: CampaignsTestEnv;
  readonly running: RunningCampaigns;
  readonly campaigns: ReplayCampaigns;
  readonly records: readonly UpstreamRecord[];
  readonly expectedTotal: number;
}): Promise<readonly ReceivedEmail[]> {
  const { kafka, env, running, campaigns } = options;
  await produceRecords(kafka, env.KAFKA_TOPIC_PREFIX, options.records);
  return waitForQuietInbox({ kafka, groupId: env.KAFKA_GROUP_ID, prefix: env.KAFKA_TOPIC_PREFIX, baseUrl: () => running.baseUrl, campaigns, expectedTotal: options.expectedTotal });
}

/** Stops the instance, drops its database and deletes its campaigns' messages from maildev. */
export async function stopTimeline(running: RunningCampaigns, campaigns: ReplayCampaigns): Promise<void> {
  await running.app.close();
  await dropTestDatabase(running.config.PG_URL);
  await deleteReceived([campaigns.abandonedCartId, campaigns.retentionId]);
}

/** A retention campaign as the streams README sets it (60 days inactive, one offer per 30 days, the default 24 h cap); throws unless created. */
export async function createRetentionCampaign(baseUrl: string, campaignId: string): Promise<void> {
  const created = await adminRequest(baseUrl, 'POST', '/v1/campaigns', {
    campaignId,
    name: 'Win back',
    kind: 'retention',
    minimumDaysInactive: 60,
    coolDownDays: 30,
    template: { subject: 'We miss you', text: 'Come back.\nUnsubscribe: {{unsubscribeUrl}}' },
  });
  if (created.status !== 201) throw new Error(`retention campaign ${campaignId} not created: ${JSON.stringify(created.body)}`);
}
