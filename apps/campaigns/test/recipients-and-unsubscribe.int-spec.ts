import { aCartUpdated, aCustomerInactive } from './builders/upstream-event.builder';
import { adminRequest, type RunningCampaigns } from './support/campaigns-test-env';
import type { ReceivedEmail } from './support/maildev-inbox';
import { playTimeline, startTimelineInstance, stopTimeline } from './support/scenario-run';
import { createReplayCampaigns, type ReplayCampaigns, testKafka } from './support/storefront-day.scenario';

function suppressedAddresses(body: unknown): string[] {
  const items: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'items') : undefined;
  return Array.isArray(items) ? items.map((item: unknown) => String(typeof item === 'object' && item !== null ? Reflect.get(item, 'email') : '')).sort() : [];
}

function errorFields(body: unknown): string[] {
  const errors: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'errors') : undefined;
  return Array.isArray(errors) ? errors.map((error: unknown) => String(typeof error === 'object' && error !== null ? Reflect.get(error, 'field') : '')) : [];
}

/**
 * Recipients are one normalised address (#19, smaller holes): an address list is never emailed, and
 * suppression matches an address however the commerce platform wrote it. Unsubscribing is an RFC 8058
 * one-click POST; the link's GET only shows a confirmation page.
 */
describe('recipients and unsubscribe', () => {
  const kafka = testKafka();
  let running: RunningCampaigns;
  let campaigns: ReplayCampaigns;
  let inbox: readonly ReceivedEmail[];

  beforeAll(async () => {
    const started = await startTimelineInstance();
    running = started.running;
    campaigns = await createReplayCampaigns(running.baseUrl);
    expect((await adminRequest(running.baseUrl, 'POST', '/v1/suppressions', { email: 'cu-sup@example.test' })).status).toBe(201);
    expect((await adminRequest(running.baseUrl, 'POST', '/v1/suppressions', { email: 'cu-sup2@example.test' })).status).toBe(201);
    inbox = await playTimeline({
      kafka,
      env: started.env,
      running,
      campaigns,
      expectedTotal: 2,
      records: [
        aCartUpdated('cart-multi').forCustomer('cu-multi').withEmail('cu-multi@example.test, cu-other@example.test').withLine(6000, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-sup').forCustomer('cu-sup').withEmail(' CU-Sup@Example.TEST ').withLine(6000, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-sup2').forCustomer('cu-sup2').withEmail('Sup Two <cu-sup2@example.test>').withLine(6000, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-named').forCustomer('cu-named').withEmail('Named Person <CU-Named@Example.test>').withLine(6000, 1).at('2026-03-01T10:00:00Z').build(),
        aCartUpdated('cart-plain').forCustomer('cu-plain').withLine(6000, 1).at('2026-03-01T10:00:00Z').build(),
        aCustomerInactive('cu-rmulti', '2026-03-01T10:00:00Z', { email: 'cu-rmulti@example.test;cu-rother@example.test' }),
        aCustomerInactive('cu-rsup', '2026-03-01T10:00:00Z', { email: 'CU-SUP@example.test ' }),
        aCartUpdated('cart-tick').withLine(100, 1).at('2026-03-02T00:00:00Z').build(), // moves event time past every due time
      ],
    });
  }, 180_000);

  afterAll(() => stopTimeline(running, campaigns), 60_000);

  it('emails one normalised address per email, never a list, and honours suppression however the address is written', () => {
    expect(inbox.map((e) => `${e.customerId}: ${e.recipients.join(' ')}`).sort()).toEqual(['cu-named: cu-named@example.test', 'cu-plain: cu-plain@example.test']);
  });

  it('stores a suppression under its normalised address and refuses an address list, naming the field', async () => {
    const added = await adminRequest(running.baseUrl, 'POST', '/v1/suppressions', { email: '  Mixed.Case@Example.TEST ' });
    expect(added).toMatchObject({ status: 201, body: { email: 'mixed.case@example.test' } });
    const list = await adminRequest(running.baseUrl, 'POST', '/v1/suppressions', { email: 'a@example.test, b@example.test' });
    expect(list.status).toBe(400);
    expect(errorFields(list.body)).toEqual(['email']);
  });

  describe('unsubscribe link of a sent email', () => {
    let email: ReceivedEmail;
    let written: string;
    let link: URL;

    beforeAll(() => {
      const found = inbox.find((e) => e.customerId === 'cu-plain');
      const url = found?.text.match(/https?:\/\/\S+\/v1\/unsubscribe\?\S+/)?.[0];
      if (!found || !url) throw new Error('the email has no unsubscribe link');
      email = found;
      written = url;
      link = Object.assign(new URL(written), { host: new URL(running.baseUrl).host });
    });

    it('is announced for one-click unsubscribe in the headers', () => {
      expect(email.listUnsubscribe).toBe(`<${written}>`);
      expect(email.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
    });

    it('answers a GET with a confirmation page and changes nothing', async () => {
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<form method="post"');
      const suppressions = await adminRequest(running.baseUrl, 'GET', '/v1/suppressions');
      expect(suppressedAddresses(suppressions.body)).not.toContain('cu-plain@example.test');
    });

    it('refuses a repeated email parameter with 400 naming the field, not a 500', async () => {
      const repeated = new URL(link);
      repeated.searchParams.append('email', 'someone@example.test');
      const answer = await fetch(repeated);
      expect(answer.status).toBe(400);
      expect(errorFields(await answer.json())).toEqual(['email']);
      const posted = await fetch(repeated, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(posted.status).toBe(400);
    });

    it('unsubscribes on the one-click POST (RFC 8058)', async () => {
      const forged = new URL(link);
      forged.searchParams.set('sig', 'forged');
      const refused = await fetch(forged, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(refused.status).toBe(400);
      const posted = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(posted.status).toBe(200);
      const suppressions = await adminRequest(running.baseUrl, 'GET', '/v1/suppressions');
      expect(suppressedAddresses(suppressions.body)).toContain('cu-plain@example.test');
    });
  });
});
