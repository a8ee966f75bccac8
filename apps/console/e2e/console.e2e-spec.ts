import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@promo/platform/testing';
import { createServiceClients, type ServiceClients } from '@promo/client';
import type { Locator } from 'playwright-core';
import { type ConsoleServer, startConsoleServer } from '../server/console-server';
import { type ConsoleBrowser, SCREENSHOT_DIR, openBrowser } from './support/browser';
import { buildConsole } from './support/console-build';
import { type ConsoleServices, startConsoleServices } from './support/console-services';
import { expectEventually } from './support/eventually';
import { ledgerKnows, publishOrders } from './support/order-events';

/** X7: the console built with Vite, served through its proxy, driven in Debian's Chromium against the four real services. */
describe('the merchant console in Chromium', () => {
  let starting: Promise<ConsoleServices> | undefined;
  let services: ConsoleServices;
  let server: ConsoleServer;
  let opening: Promise<ConsoleBrowser> | undefined;
  let browser: ConsoleBrowser;
  // The services' APIs as the test reads them back (never through the console under test), with the admin key.
  let api: ServiceClients;
  let distDir: string;
  const screenshots: string[] = [];
  const shoot = async (name: string) => screenshots.push(await browser.screenshot(name));
  /** One part of the page, for the README (docs/screenshots takes a copy). */
  const shootPart = async (part: Locator, name: string) => {
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await part.screenshot({ path: file });
    screenshots.push(file);
  };

  // Two shared cores: under load the build and the broker and service start-ups take minutes, not the usual ~90 s.
  beforeAll(async () => {
    distDir = mkdtempSync(path.join(os.tmpdir(), 'console-e2e-dist-'));
    starting = startConsoleServices();
    [services] = await Promise.all([starting, buildConsole(distDir)]);
    api = createServiceClients((service) => services.url(service), { apiKey: services.adminKey, timeoutMs: 30_000 });
    server = await startConsoleServer({
      port: 0,
      staticDir: distDir,
      targets: { pricing: services.url('pricing'), 'code-inventory': services.url('code-inventory'), 'redemption-ledger': services.url('redemption-ledger'), campaigns: services.url('campaigns') },
    });
    opening = openBrowser();
    browser = await opening;
  }, 420_000);

  afterAll(async () => {
    await (await opening?.catch(() => undefined))?.close();
    await server?.close();
    // Also when beforeAll timed out while the services were still starting: never leave them running.
    await (await starting?.catch(() => undefined))?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
    if (screenshots.length > 0) console.log(`console screenshots:\n${screenshots.map((file) => `  ${file}`).join('\n')}`);
  }, 180_000);

  it('signs in with the key in the URL npm start prints and shows times in the store zone', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/#key=${encodeURIComponent(services.adminKey)}`);
    await page.getByRole('heading', { name: 'Promotions', exact: true }).waitFor();
    expect(page.url()).not.toContain(services.adminKey);
    expect(await page.locator('nav .store').textContent()).toContain('Times in UTC');
    await shoot('01-promotions-empty');
  });

  it('creates a tiered promotion whose live preview prices a cart as the tiers say', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'New promotion' }).click();
    await page.locator('input[name="id"]').fill('spend-more');
    await page.locator('input[name="name"]').fill('Spend more, save more');
    await page.locator('input[name="priority"]').fill('1');
    await page.locator('select[name="rules[0].reward.type"]').selectOption('tiered');
    await page.getByRole('button', { name: 'Add tier' }).click();
    await page.getByRole('button', { name: 'Add tier' }).click();
    await page.locator('input[name="rules[0].reward.tiers[0].atLeast"]').fill('50');
    await page.locator('input[name="rules[0].reward.tiers[0].reward.percent"]').fill('10');
    await page.locator('input[name="rules[0].reward.tiers[1].atLeast"]').fill('100');
    await page.locator('input[name="rules[0].reward.tiers[1].reward.percent"]').fill('15');

    // By hand: 3 × $20.00 + 1 × $45.00 = $105.00 reaches the $100 tier: 15% = $15.75 off, total $89.25.
    const cart = (lines: readonly (readonly [number, number])[]) =>
      JSON.stringify({ cartId: 'preview', channel: 'web', currency: 'USD', lines: lines.map(([quantity, unitPrice], i) => ({ lineId: `l${i}`, sku: `S${i}`, productId: `p${i}`, quantity, unitPrice })) });
    await page.locator('.preview summary').click();
    await page.locator('textarea[name="sample-cart"]').fill(cart([[3, 2000], [1, 4500]]));
    await expectEventually(() => page.getByTestId('preview-total').textContent(), '$89.25');
    expect(await page.getByTestId('preview-discount').textContent()).toBe('$15.75');
    await shoot('02-promotion-form-preview');

    // $45.00 + $20.00 = $65.00 is in the $50 tier: 10% = $6.50 off, total $58.50.
    await page.locator('textarea[name="sample-cart"]').fill(cart([[1, 2000], [1, 4500]]));
    await expectEventually(() => page.getByTestId('preview-total').textContent(), '$58.50');

    // The API's field error shows beside its field.
    await page.locator('input[name="rules[0].reward.tiers[1].reward.percent"]').fill('150');
    await page.getByRole('button', { name: 'Save promotion' }).click();
    const fieldError = page.locator('[data-error-for="rules[0].reward.tiers[1].reward.percent"]');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('between 0 and 100');
    await shoot('03-promotion-form-field-error');

    await page.locator('input[name="rules[0].reward.tiers[1].reward.percent"]').fill('15');
    await page.getByRole('button', { name: 'Save promotion' }).click();
    await page.locator('table.list tr[data-id="spend-more"]').waitFor();
    const stored = await api.pricing.get('/v1/promotions/{id}', { path: { id: 'spend-more' } });
    expect(stored.rules).toEqual([
      { reward: { type: 'tiered', basis: 'subtotal', tiers: [{ atLeast: 5000, reward: { type: 'orderPercent', percent: 10 } }, { atLeast: 10000, reward: { type: 'orderPercent', percent: 15 } }] } },
    ]);
  });

  it('reorders automatic promotions by drag and drop and saves the order', async () => {
    const { page } = browser;
    for (const [id, priority] of [['free-gift', 2], ['five-off', 3]] as const) {
      await api.pricing.post('/v1/promotions', { body: { id, name: id, kind: 'automatic', priority, targeting: { currency: 'USD' }, rules: [{ reward: { type: 'orderAmount', amount: 500 } }] } });
    }
    await page.reload();
    const rows = page.locator('.priority-list li');
    await expectEventually(() => rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-id'))), ['spend-more', 'free-gift', 'five-off']);
    await page.locator('.priority-list li[data-id="five-off"]').dragTo(page.locator('.priority-list li[data-id="spend-more"]'));
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-id')))).toEqual(['five-off', 'spend-more', 'free-gift']);
    await page.getByRole('button', { name: 'Save order' }).click();
    await page.getByText('Order saved.').waitFor();
    await expectEventually(() => page.locator('table.list tr[data-id="five-off"] td').nth(4).textContent(), '1');
    await shoot('04-priorities');

    const listed = await api.pricing.get('/v1/promotions', { query: { kind: 'automatic' } });
    const byPriority = [...listed.items].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0)).map((p) => p.id);
    expect(byPriority).toEqual(['five-off', 'spend-more', 'free-gift']);
  });

  it('generates 10,000 codes while the progress bar follows the job to 100%', async () => {
    const { page } = browser;
    await api.pricing.post('/v1/promotions', { body: { id: 'bulk-coupon', name: 'Bulk coupon', kind: 'coupon', codes: ['BULKDEMO'], targeting: { currency: 'USD' }, rules: [{ reward: { type: 'orderPercent', percent: 5 } }] } });
    await page.getByRole('link', { name: 'Codes' }).click();
    await page.locator('input[name="groupId"]').fill('BULK');
    await page.locator('input[name="groupName"]').fill('Bulk codes');
    await page.locator('input[name="promotionId"]').fill('bulk-coupon');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { name: 'Group BULK' }).waitFor();
    await page.locator('input[name="count"]').fill('10000');
    await page.getByRole('button', { name: 'Generate' }).click();

    const seen: number[] = [];
    const bar = page.getByRole('progressbar', { name: 'Generation progress' });
    await waitFor(
      async () => {
        const value = Number(await bar.getAttribute('value').catch(() => null));
        if (seen[seen.length - 1] !== value) seen.push(value);
        return value === 100;
      },
      { timeoutMs: 60_000, intervalMs: 50, description: 'the progress bar at 100%' },
    );
    await page.locator('.job[data-state="completed"]').waitFor();
    expect(await page.getByTestId('generation-done').textContent()).toBe('10,000 of 10,000');
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    console.log(`generation progress bar values seen: ${seen.join(' → ')}`);
    await page.locator('tr[data-group="BULK"] td[data-count="total"]').filter({ hasText: '10,000' }).waitFor();
    await shoot('05-codes-generation');
    const group = await api.codeInventory.get('/v1/groups/{groupId}', { path: { groupId: 'BULK' } });
    expect(group).toMatchObject({ total: 10_000, available: 10_000 });
  });

  it('uploads a CSV with one bad line and shows the report naming it', async () => {
    const { page } = browser;
    const csv = ['code', 'SPRING-001', 'SPRING-002', 'BAD CODE!', 'SPRING-003'].join('\n');
    await page.locator('input[name="file"]').setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.locator('.upload-report').waitFor();
    expect(await page.getByTestId('upload-invalid').textContent()).toBe('1');
    expect(await page.getByTestId('upload-imported').textContent()).toBe('0');
    const badRow = page.locator('.upload-report tr[data-line="4"]');
    expect(await badRow.textContent()).toBe('4BAD CODE!invalid_characters');
    await shoot('06-codes-upload-report');
    // C4: an upload with an invalid line imports nothing.
    expect(await api.codeInventory.get('/v1/groups/{groupId}', { path: { groupId: 'BULK' } })).toMatchObject({ total: 10_000 });
  });

  it('edits an abandoned-cart email beside its rendered preview and saves it', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('button', { name: 'New campaign' }).click();
    const form = page.locator('form.campaign').first();
    await form.locator('input[name="campaignId"]').fill('cart-rescue');
    await form.locator('input[name="name"]').fill('Cart rescue');
    // The code group is picked from the store's groups (BULK, generated above), not typed.
    expect(await form.locator('select[name="codeGroup"] option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['', 'BULK']);
    await form.locator('select[name="codeGroup"]').selectOption('BULK');
    await form.locator('input[name="minimumCartValue"]').fill('50');
    await form.locator('input[name="frequencyCapHours"]').fill('48');
    await form.locator('input[name="steps[0].template.subject"]').fill('You left {{cart.total}} behind');
    await form.locator('textarea[name="steps[0].template.text"]').fill("Hi {{customer.email}}, take 5% off with {{promocode 'BULK'}}");
    expect(await form.locator('.template-preview').textContent()).toBe('You left $123.45 behind\n\nHi jane@example.com, take 5% off with BULK-SAMPLE');
    expect(await form.getByTestId('steps[0].template.codeGroups').textContent()).toBe('Codes from: BULK');
    // A second email whose code is inserted from the group select, not typed.
    await form.getByRole('button', { name: 'Add email' }).click();
    const second = form.locator('fieldset').filter({ has: page.locator('legend', { hasText: 'Email 2' }) });
    expect(await second.getByTestId('steps[1].template.codeGroups').textContent()).toBe('No code in this email.');
    await second.locator('input[name="steps[1].template.subject"]').fill('Still thinking it over?');
    await second.locator('textarea[name="steps[1].template.text"]').fill('Last chance:');
    await second.locator('select[name="steps[1].template.codeGroup"]').selectOption('BULK');
    await second.getByRole('button', { name: 'Insert code' }).click();
    expect(await second.locator('textarea[name="steps[1].template.text"]').inputValue()).toBe("Last chance: {{promocode 'BULK'}}");
    expect(await second.getByTestId('steps[1].template.codeGroups').textContent()).toBe('Codes from: BULK');
    await form.getByRole('button', { name: 'Save campaign' }).click();
    // Saved, the campaign joins the list (its id no longer editable).
    await page.locator('form[aria-label="Campaign cart-rescue"] input[name="campaignId"]:disabled').waitFor();
    await shoot('07-campaigns');
    const saved = await api.campaigns.get('/v1/campaigns/{campaignId}', { path: { campaignId: 'cart-rescue' } });
    expect(saved).toMatchObject({ codeGroup: 'BULK', frequencyCapHours: 48, minimumCartValue: 5000 });
    expect(saved.steps?.[0]?.template.subject).toBe('You left {{cart.total}} behind');
    expect(saved.steps?.[1]).toMatchObject({ delayMinutes: 1440, template: { subject: 'Still thinking it over?', text: "Last chance: {{promocode 'BULK'}}" } });
  });

  it('charts a promotion\'s uses per day beside its figures', async () => {
    const { page } = browser;
    // The ledger judges a use by the limits pricing.promotion-changed gave it; an order before that is rejected.
    await waitFor(() => ledgerKnows(services.pgUrl, 'spend-more'), { timeoutMs: 180_000, description: 'the ledger has spend-more\'s limits' }).catch((error: unknown) => {
      throw new Error(`${String(error)}\npricing output:\n${services.output('pricing').slice(-4_000)}\nledger output:\n${services.output('redemption-ledger').slice(-4_000)}`);
    });
    // Three orders that used spend-more: two on 20 November, one on 21 November (UTC, the store zone).
    await publishOrders(services.kafkaBrokers, [
      { orderId: 'o-1', customerId: 'c-1', promotionId: 'spend-more', discount: 1575, total: 8925, placedAt: '2026-11-20T10:00:00Z' },
      { orderId: 'o-2', customerId: 'c-2', promotionId: 'spend-more', discount: 650, total: 5850, placedAt: '2026-11-20T15:00:00Z' },
      { orderId: 'o-3', customerId: 'c-3', promotionId: 'spend-more', discount: 1575, total: 8925, placedAt: '2026-11-21T09:00:00Z' },
    ]);
    let last: unknown;
    await waitFor(
      async () => {
        const statistics = await api.redemptionLedger.get('/v1/statistics/promotions/{promotionId}', { path: { promotionId: 'spend-more' } });
        last = statistics;
        return statistics.redemptions === 3;
      },
      { timeoutMs: 60_000, intervalMs: 250, description: 'the ledger has the three orders' },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\nlast statistics: ${JSON.stringify(last)}\nledger output:\n${services.output('redemption-ledger').slice(-4_000)}`);
    });
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.locator('select[name="stat-promotion"]').selectOption('spend-more');
    await page.getByTestId('uses-chart').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('stat-redemptions').textContent()).toBe('3');
    expect(await page.getByTestId('orders-count').textContent()).toBe('3');
    // By hand: 15.75 + 6.50 + 15.75 = $38.00 off; 89.25 + 58.50 + 89.25 = $237.00 of orders.
    expect(await page.getByTestId('discount-USD').textContent()).toBe('$38.00');
    expect(await page.getByTestId('revenue-USD').textContent()).toBe('$237.00');
    expect(await page.getByTestId('uses-chart').locator('.recharts-bar-rectangle').count()).toBe(2);
    expect(await page.locator('table[aria-label="Uses per day"] tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent))).toEqual(['Nov 20, 20262', 'Nov 21, 20261']);
    await shoot('08-statistics');
  }, 300_000);
  it('renames a code group and reads the name back', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Codes' }).click();
    await page.locator('tr[data-group="BULK"] td').first().getByRole('button').click();
    await page.locator('input[name="editGroupName"]').fill('Autumn bulk codes');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.locator('tr[data-group="BULK"]').filter({ hasText: 'Autumn bulk codes (BULK)' }).waitFor();
    expect(await api.codeInventory.get('/v1/groups/{groupId}', { path: { groupId: 'BULK' } })).toMatchObject({ name: 'Autumn bulk codes' });
  });

  it('refuses in words to delete a group with issued codes, and deletes an unused one after confirmation', async () => {
    const { page } = browser;
    for (const [groupId, code] of [['IN-USE', 'INUSE-001'], ['UNUSED', 'UNUSED-001']] as const) {
      await api.codeInventory.post('/v1/groups', { body: { groupId, name: groupId, promotionId: 'bulk-coupon' } });
      await api.codeInventory.post('/v1/groups/{groupId}/codes', { path: { groupId }, body: { codes: [code] } });
    }
    await api.codeInventory.post('/v1/groups/{groupId}/issue', { path: { groupId: 'IN-USE' }, body: { customerId: 'c-in-use', mode: 'first' } });
    await page.reload();

    const deleteInConsole = async (groupId: string) => {
      await page.locator(`tr[data-group="${groupId}"] td`).first().getByRole('button').click();
      await page.getByRole('button', { name: 'Delete group' }).click();
      await page.getByRole('button', { name: 'Yes, delete the group' }).click();
    };
    await deleteInConsole('IN-USE');
    const refusal = page.getByTestId('group-message');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('Group IN-USE is in use: some of its codes were given to customers and not yet redeemed, so it cannot be deleted.');
    await shoot('09-codes-delete-refused');
    expect(await api.codeInventory.get('/v1/groups/{groupId}', { path: { groupId: 'IN-USE' } })).toMatchObject({ total: 1 });

    await deleteInConsole('UNUSED');
    await page.locator('tr[data-group="UNUSED"]').waitFor({ state: 'detached' });
    const listed = await api.codeInventory.get('/v1/groups');
    expect(listed.groups.map((g) => g.groupId)).not.toContain('UNUSED');
    expect(listed.groups.map((g) => g.groupId)).toContain('IN-USE');
  });

  it("shows a customer's codes and the segments of a group, a page at a time", async () => {
    const { page } = browser;
    // 27 customers get a code of BULK (seg-00 … seg-26); seg-03 and seg-20 get a second one.
    const customers = Array.from({ length: 27 }, (_, i) => `seg-${String(i).padStart(2, '0')}`);
    const requests = [...customers, 'seg-03', 'seg-20'].map((customerId) => ({ customerId, mode: 'first' as const }));
    const { results } = await api.codeInventory.post('/v1/groups/{groupId}/issue-batch', { path: { groupId: 'BULK' }, body: { requests } });
    expect(results.every((r) => r.issue === 'first')).toBe(true);
    await page.getByRole('link', { name: 'Codes' }).click();
    await page.reload();

    await page.locator('input[name="historyCustomerId"]').fill('seg-03');
    await page.getByRole('button', { name: 'Show codes' }).click();
    await page.getByTestId('history-summary').waitFor();
    expect(await page.getByTestId('history-summary').textContent()).toBe('seg-03: 2 codes issued, 2 issues in all');
    const issued = page.locator('table[aria-label="Issues to seg-03"] tbody tr');
    expect(await issued.evaluateAll((rows) => rows.map((tr) => [tr.children[2]?.textContent, tr.children[3]?.textContent]))).toEqual([['BULK', 'first'], ['BULK', 'first']]);

    const segment = page.locator('table[aria-label="Segment"] tbody tr');
    const shown = () => segment.evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-customer')));
    await page.locator('select[name="segmentGroup"]').selectOption('BULK');
    await page.getByRole('button', { name: 'Show customers' }).click();
    await expectEventually(shown, customers.slice(0, 25));
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expectEventually(shown, ['seg-25', 'seg-26']);
    expect(await page.getByTestId('page-number').textContent()).toBe('Page 2');
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expectEventually(shown, customers.slice(0, 25));

    await page.locator('input[name="segmentMinCodes"]').fill('2');
    await page.getByRole('button', { name: 'Show customers' }).click();
    await expectEventually(shown, ['seg-03', 'seg-20']);
    expect(await segment.first().locator('td').nth(1).textContent()).toBe('2');
    await shoot('12-codes-segment');
  });

  it('re-issues the code a customer already had, and adds it to the history as a re-issue', async () => {
    const { page } = browser;
    const { issues } = await api.codeInventory.get('/v1/customers/{customerId}/codes', { path: { customerId: 'seg-00' } });
    const code = issues[0]?.code;
    expect(code).toEqual(expect.any(String));
    await page.locator('input[name="historyCustomerId"]').fill('seg-00');
    await page.getByRole('button', { name: 'Show codes' }).click();
    await expectEventually(() => page.getByTestId('history-summary').textContent(), 'seg-00: 1 code issued, 1 issue in all');
    expect(await page.locator('select[name="reissueGroup"]').inputValue()).toBe('BULK');
    await page.getByRole('button', { name: 'Re-issue' }).click();
    await expectEventually(() => page.getByTestId('reissue-message').textContent(), `Re-issued ${code ?? ''} to seg-00.`);
    await expectEventually(() => page.getByTestId('history-summary').textContent(), 'seg-00: 1 code issued, 2 issues in all');
    const rows = page.locator('table[aria-label="Issues to seg-00"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[1]?.textContent, tr.children[3]?.textContent]))).toEqual([[code, 'first'], [code, 're-issue']]);
    await shoot('13-codes-reissue');
    const after = await api.codeInventory.get('/v1/customers/{customerId}/codes', { path: { customerId: 'seg-00' } });
    expect(after.issues.map((entry) => entry.issue)).toEqual(['first', 'repeat']);
  });

  it('adds a hidden shared code that works when looked up but is not listed publicly (C8)', async () => {
    const { page } = browser;
    const add = async (code: string, hidden: boolean) => {
      await page.locator('input[name="sharedCode"]').fill(code);
      await page.locator('input[name="sharedPromotionId"]').fill('bulk-coupon');
      await page.locator('input[name="sharedHidden"]').setChecked(hidden);
      await page.getByRole('button', { name: 'Add shared code' }).click();
    };
    await add('OPEN-10', false);
    await expectEventually(() => page.getByTestId('shared-code-message').textContent(), 'Added OPEN-10 to bulk-coupon, listed publicly.');
    await add('SECRET-10', true);
    await expectEventually(() => page.getByTestId('shared-code-message').textContent(), 'Added SECRET-10 to bulk-coupon, hidden: it works when typed and is never listed.');
    // Listed: OPEN-10 only (BULKDEMO, registered by pricing, is hidden too).
    await expectEventually(() => page.locator('ul[aria-label="Public codes of bulk-coupon"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code'))), ['OPEN-10']);
    await page.locator('input[name="lookup"]').fill('secret-10');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expectEventually(() => page.locator('dl.lookup div').filter({ hasText: 'hidden' }).locator('dd').textContent(), 'true');
    await shoot('14-codes-hidden');
    expect(await api.codeInventory.get('/v1/codes/{code}', { path: { code: 'SECRET-10' } })).toMatchObject({ code: 'SECRET-10', hidden: true, promotionId: 'bulk-coupon' });
  });

  it('labels every input, select and text area of every section', async () => {
    const { page } = browser;
    const unlabelled = () =>
      page.locator('main input, main select, main textarea, form input, form select, form textarea').evaluateAll((controls) =>
        controls
          .filter((c) => c.getAttribute('type') !== 'hidden' && (c as HTMLInputElement).labels?.length === 0 && (c.getAttribute('aria-label') ?? '') === '' && c.getAttribute('aria-labelledby') === null)
          .map((c) => c.getAttribute('name') ?? c.outerHTML.slice(0, 80)),
      );
    // Each section once what it loads is shown (the campaigns' editors, the groups' rows…).
    const sections = [
      ['Promotions', 'table.list tr[data-id="spend-more"]'],
      ['Codes', 'tr[data-group="BULK"]'],
      ['Campaigns', 'form[aria-label="Campaign cart-rescue"]'],
      ['Statistics', 'select[name="stat-promotion"] option[value="spend-more"]'],
      ['Settings', 'select[name="timeZone"]'],
    ] as const;
    for (const [section, loaded] of sections) {
      await page.getByRole('link', { name: section, exact: true }).first().click();
      await page.locator(loaded).waitFor({ state: 'attached' });
      expect({ section, unlabelled: await unlabelled() }).toEqual({ section, unlabelled: [] });
    }
    await page.getByRole('link', { name: 'Promotions', exact: true }).first().click();
    await page.getByRole('button', { name: 'New promotion' }).click();
    await page.locator('input[name="id"]').waitFor();
    expect({ section: 'new promotion', unlabelled: await unlabelled() }).toEqual({ section: 'new promotion', unlabelled: [] });
    await page.getByRole('link', { name: 'Promotions', exact: true }).first().click();
  });

  it('pages through a long suppression list with the API cursor', async () => {
    const { page } = browser;
    // 27 addresses, added in order: the list is by time added, then address.
    const addresses = Array.from({ length: 27 }, (_, i) => `sup-${String(i).padStart(2, '0')}@example.com`);
    for (const email of addresses) await api.campaigns.post('/v1/suppressions', { body: { email } });
    await page.getByRole('link', { name: 'Campaigns', exact: true }).first().click();
    const rows = page.locator('table[aria-label="Suppressed addresses"] tbody tr');
    const shown = () => rows.evaluateAll((trs) => trs.map((tr) => tr.children[0]?.textContent));
    await expectEventually(shown, addresses.slice(0, 25));
    await page.getByRole('button', { name: 'Next page' }).click();
    await expectEventually(shown, addresses.slice(25));
    expect(await page.getByTestId('page-number').textContent()).toBe('Page 2');
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expectEventually(shown, addresses.slice(0, 25));
  });

  it('builds nested conditions and a category exclusion without typing JSON, saves them and reads them back', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Promotions' }).click();
    await page.getByRole('button', { name: 'New promotion' }).click();
    await page.locator('input[name="id"]').fill('nested-boots');
    await page.locator('input[name="name"]').fill('Boots, but not the luxe ones');
    await page.locator('input[name="priority"]').fill('7');
    await page.locator('input[name="rules[0].reward.percent"]').fill('10');

    const c = 'rules[0].conditions';
    const groupActions = (path: string) => page.locator(`.condition-group[data-path="${path}"] > .group-actions`);
    const blockActions = (path: string) => page.locator(`[data-path="${path}"] > .block-actions`);
    const addValue = async (picker: string, value: string) => {
      // An unused filter key waits in the side's "add a filter" select.
      await page.locator(`select[name="${picker.slice(0, picker.lastIndexOf('.'))}.add"]`).selectOption(picker.slice(picker.lastIndexOf('.') + 1));
      await page.locator(`input[name="${picker}"]`).fill(value);
      await page.locator(`[data-picker="${picker}"]`).getByRole('button', { name: /^Add to / }).click();
    };
    // An all-group: a subtotal, and an any-group of a category count (sale excluded) or not a luxe-brand value.
    await page.locator(`fieldset.condition[data-path="${c}"] .condition-none`).getByRole('button', { name: 'Add group' }).click();
    await page.locator(`input[name="${c}.all[0].subtotalAtLeast"]`).fill('30');
    await groupActions(c).getByRole('button', { name: 'Add group' }).click();
    const any = `${c}.all[1]`;
    expect(await page.locator(`select[name="${any}.operator"]`).inputValue()).toBe('any');
    await page.locator(`select[name="${any}.any[0].kind"]`).selectOption('quantityAtLeast');
    await page.locator(`input[name="${any}.any[0].quantityAtLeast.count"]`).fill('2');
    await addValue(`${any}.any[0].quantityAtLeast.items.include.category`, 'footwear');
    await addValue(`${any}.any[0].quantityAtLeast.items.exclude.category`, 'sale');
    await groupActions(any).getByRole('button', { name: 'Add condition' }).click();
    await blockActions(`${any}.any[1]`).getByRole('button', { name: 'Wrap in not' }).click();
    const not = `${any}.any[1].not`;
    await page.locator(`select[name="${not}.kind"]`).selectOption('valueAtLeast');
    await page.locator(`input[name="${not}.valueAtLeast.amount"]`).fill('200');
    await addValue(`${not}.valueAtLeast.items.include.brand`, 'Luxe');

    // Written by hand: amounts in cents, the exclusion beside the inclusion, the not around the value check.
    const expected = {
      all: [
        { subtotalAtLeast: 3000 },
        {
          any: [
            { quantityAtLeast: { count: 2, items: { include: { category: ['footwear'] }, exclude: { category: ['sale'] } } } },
            { not: { valueAtLeast: { amount: 20000, items: { include: { brand: ['Luxe'] } } } } },
          ],
        },
      ],
    };
    // The advanced view shows the same JSON the blocks send.
    await page.locator(`fieldset.condition[data-path="${c}"] details.condition-advanced summary`).click();
    expect(JSON.parse(await page.locator(`textarea[name="${c}(json)"]`).inputValue())).toEqual(expected);
    await shootPart(page.locator(`fieldset.condition[data-path="${c}"]`), 'console-condition-builder');

    await page.getByRole('button', { name: 'Save promotion' }).click();
    await page.locator('table.list tr[data-id="nested-boots"]').waitFor();
    const stored = await api.pricing.get('/v1/promotions/{id}', { path: { id: 'nested-boots' } });
    expect(stored.rules).toEqual([{ conditions: expected, reward: { type: 'orderPercent', percent: 10 } }]);

    // Reloaded, the blocks come back as built, and saving them unchanged sends the same condition.
    await page.reload();
    await page.locator('table.list tr[data-id="nested-boots"] a').click();
    await page.locator(`select[name="${any}.any[0].kind"]`).waitFor();
    expect(await page.locator(`select[name="${any}.any[0].kind"]`).inputValue()).toBe('quantityAtLeast');
    expect(await page.locator(`[data-picker="${any}.any[0].quantityAtLeast.items.exclude.category"] li`).evaluateAll((items) => items.map((li) => li.getAttribute('data-value')))).toEqual(['sale']);
    expect(await page.locator(`input[name="${not}.valueAtLeast.amount"]`).inputValue()).toBe('200.00');
    // The pickers suggest what the promotions already filter on.
    await expectEventually(
      () => page.locator(`[data-picker="${any}.any[0].quantityAtLeast.items.exclude.category"] datalist option`).evaluateAll((options) => options.map((o) => o.getAttribute('value'))),
      ['footwear'],
    );
    await page.getByRole('button', { name: 'Save promotion' }).click();
    await page.locator('table.list tr[data-id="nested-boots"]').waitFor();
    expect((await api.pricing.get('/v1/promotions/{id}', { path: { id: 'nested-boots' } })).rules).toEqual([{ conditions: expected, reward: { type: 'orderPercent', percent: 10 } }]);
  });

  it('previews a scheduled promotion with the cart builder at a time inside its window', async () => {
    const { page } = browser;
    // A storefront priced a cart with boots at $45.50: pricing remembers it among its recent carts.
    const storefront = createServiceClients((service) => services.url(service), { apiKey: services.storefrontKey, timeoutMs: 30_000 });
    await storefront.pricing.post('/v1/carts/price', {
      body: { cartId: 'storefront-boots', channel: 'web', currency: 'USD', lines: [{ lineId: 'l1', sku: 'BOOT-42', productId: 'boot', quantity: 1, unitPrice: 4550, categories: ['footwear'], brand: 'Ridge' }] },
    });

    await page.getByRole('button', { name: 'New promotion' }).click();
    await page.locator('input[name="id"]').fill('black-friday-2031');
    await page.locator('input[name="priority"]').fill('9');
    await page.locator('select[name="rules[0].reward.type"]').selectOption('orderAmount');
    await page.locator('input[name="rules[0].reward.amount"]').fill('7.50');
    // In the store zone (UTC here).
    await page.locator('input[name="schedule.start"]').fill('2031-11-28T00:00');
    await page.locator('input[name="schedule.end"]').fill('2031-12-01T00:00');

    // The cart built without JSON: the sample lines out, the seen boots in (at their price), then a typed line.
    const preview = page.locator('aside.preview');
    await preview.getByRole('button', { name: 'Remove line' }).first().click();
    await preview.getByRole('button', { name: 'Remove line' }).first().click();
    await preview.locator('select[name="cart-builder.seen"] option[value="BOOT-42"]').waitFor({ state: 'attached' });
    await preview.locator('select[name="cart-builder.seen"]').selectOption('BOOT-42');
    await preview.getByRole('button', { name: 'Add seen product' }).click();
    expect(await page.locator('input[name="cart.lines[0].unitPrice"]').inputValue()).toBe('45.50');
    expect(await page.locator('input[name="cart.lines[0].categories"]').inputValue()).toBe('footwear');
    await page.locator('input[name="cart.lines[0].quantity"]').fill('2');
    await preview.getByRole('button', { name: 'Add line' }).click();
    await page.locator('input[name="cart.lines[1].sku"]').fill('SOCKS');
    await page.locator('input[name="cart.lines[1].unitPrice"]').fill('9');
    // 2 × $45.50 + 1 × $9.00.
    await expectEventually(() => page.getByTestId('preview-subtotal').textContent(), '$100.00');
    // Now (2026) is before the window: nothing off from this promotion.
    await expectEventually(() => page.getByTestId('preview-discount').textContent(), '$0.00');

    await page.locator('input[name="cart-builder.at"]').fill('2031-11-28T12:00');
    await expectEventually(() => page.getByTestId('preview-discount').textContent(), '$7.50');
    await expect(preview.locator('[data-applied="black-friday-2031"]').textContent()).resolves.toContain('black-friday-2031 applied: −$7.50');
    await shootPart(preview, 'console-cart-builder');

    // After the window, nothing again.
    await page.locator('input[name="cart-builder.at"]').fill('2031-12-01T00:00');
    await expectEventually(() => page.getByTestId('preview-discount').textContent(), '$0.00');
    // Saved, the form leaves without an unsaved-changes warning.
    await page.getByRole('button', { name: 'Save promotion' }).click();
    await page.locator('table.list tr[data-id="black-friday-2031"]').waitFor();
    expect(await api.pricing.get('/v1/promotions/{id}', { path: { id: 'black-friday-2031' } })).toMatchObject({ schedule: { start: '2031-11-28T00:00:00', end: '2031-12-01T00:00:00' } });
  });

  // Last: a new store zone would move the days the statistics above are counted in.
  it('saves the store time zone and codes per order, which survive a reload and the API reads back', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Store settings' }).waitFor();
    await page.locator('select[name="timeZone"]').selectOption('Europe/Berlin');
    await page.locator('input[name="maxCodesPerOrder"]').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    // The store context follows: every page now shows times in the new zone.
    expect(await page.locator('nav .store').textContent()).toContain('Times in Europe/Berlin');
    await page.reload();
    await page.getByRole('heading', { name: 'Store settings' }).waitFor();
    expect(await page.locator('select[name="timeZone"]').inputValue()).toBe('Europe/Berlin');
    expect(await page.locator('input[name="maxCodesPerOrder"]').inputValue()).toBe('3');
    await shoot('10-settings');
    expect(await api.pricing.get('/v1/settings')).toMatchObject({ timeZone: 'Europe/Berlin', maxCodesPerOrder: 3 });
  });

  it('refuses a stale settings save with a message that offers to reload, and warns before leaving unsaved changes', async () => {
    const { page } = browser;
    // Someone else saves between this page's load and its save.
    const current = await api.pricing.get('/v1/settings');
    await api.pricing.put('/v1/settings', { body: { ...current, maxCodesPerOrder: 5 } });
    await page.locator('input[name="maxCodesPerOrder"]').fill('4');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const stale = page.locator('[data-message="stale"]');
    await stale.waitFor();
    expect(await stale.textContent()).toContain('Someone else saved the store settings after you opened this page');
    await shoot('11-settings-stale');
    expect(await api.pricing.get('/v1/settings')).toMatchObject({ maxCodesPerOrder: 5 });
    // The unsaved 4 warns before a console link leaves the page; declining stays.
    const warnings: string[] = [];
    page.once('dialog', (dialog) => {
      warnings.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Codes' }).click();
    expect(warnings).toEqual(['You have unsaved changes. Leave this page and lose them?']);
    expect(await page.locator('input[name="maxCodesPerOrder"]').inputValue()).toBe('4');
    expect(page.url()).toContain('#/settings');
    await page.getByRole('button', { name: 'Reload settings' }).click();
    await expectEventually(() => page.locator('input[name="maxCodesPerOrder"]').inputValue(), '5');
  });

  it("counts a promotion's uses per day in the store's zone", async () => {
    const { page } = browser;
    // In Kiritimati (UTC+14) the three uses (20 Nov 10:00 and 15:00, 21 Nov 09:00 UTC) all fall on 21 November.
    const current = await api.pricing.get('/v1/settings');
    await api.pricing.put('/v1/settings', { body: { ...current, timeZone: 'Pacific/Kiritimati' } });
    await page.reload();
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.locator('select[name="stat-promotion"] option[value="spend-more"]').waitFor({ state: 'attached' });
    await page.locator('select[name="stat-promotion"]').selectOption('spend-more');
    const days = page.locator('table[aria-label="Uses per day"] tbody tr');
    await expectEventually(() => days.evaluateAll((rows) => rows.map((r) => r.textContent)), ['Nov 21, 20263']);
    expect(await page.getByRole('heading', { name: /^Uses per day/ }).textContent()).toBe('Uses per day (Pacific/Kiritimati)');
  });
});
