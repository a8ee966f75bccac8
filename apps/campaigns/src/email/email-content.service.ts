import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { EmailTemplate } from '../campaigns/campaign-definition';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { CartSnapshotEntity } from '../carts/cart-snapshot.entity';
import type { CampaignsConfig } from '../config/env.schema';
import { CodeInventoryClient } from '@promo/code-inventory-client';
import { normaliseAddress } from './email-address';
import { EmailClaims } from './email-claims';
import type { EmailEntity } from './email.entity';
import { LinkSigner } from './link-signer';
import { PermanentEmailError } from './permanent-email.error';
import { formatAmount } from './money-text';
import { findCodeMacros, macroKey, type RenderedCode, renderTemplate, withCampaignGroup } from './template.renderer';

/** Campaign rows read once per sending round and shared by its emails (a definition edited meanwhile applies from the next round). */
export type CampaignsOfRound = Map<string, Promise<CampaignEntity | null>>;

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly unsubscribeUrl: string;
}

/**
 * Builds one email from its campaign's template (K3): variables (customer, cart lines, totals,
 * recovery link), code macros through code-inventory, tracked and unsubscribe links. A fresh code is
 * stored on the email row as soon as it is issued, so a retry shows the same code instead of taking another;
 * a code the dispatcher issued ahead for the page (PageCodeIssuer) is found there the same way.
 */
@Injectable()
export class EmailContentService {
  readonly signer: LinkSigner;

  constructor(
    @Inject(APP_CONFIG) private readonly config: CampaignsConfig,
    private readonly dataSource: DataSource,
    private readonly codes: CodeInventoryClient,
    private readonly claims: EmailClaims,
  ) {
    this.signer = new LinkSigner(config.LINK_SIGNING_KEY);
  }

  trackedLink(emailId: string, target: string): string {
    const query = new URLSearchParams({ to: target, sig: this.signer.sign('link', `${emailId}\n${target}`) });
    return `${this.config.PUBLIC_BASE_URL}/v1/links/${encodeURIComponent(emailId)}?${query.toString()}`;
  }

  /** The signed link of the recipient's normalised address (SuppressionsService verifies it the same way). */
  unsubscribeLink(recipient: string): string {
    const email = normaliseAddress(recipient) ?? recipient.toLowerCase();
    const query = new URLSearchParams({ email, sig: this.signer.sign('unsubscribe', email) });
    return `${this.config.PUBLIC_BASE_URL}/v1/unsubscribe?${query.toString()}`;
  }

  /**
   * The template of the email's campaign and step, its group-less code macros naming the campaign's
   * codeGroup; throws when the campaign or the step is gone.
   */
  async templateOf(email: EmailEntity, campaigns: CampaignsOfRound): Promise<EmailTemplate> {
    const campaign = await this.campaignOf(email.campaignId, campaigns);
    if (!campaign) throw new PermanentEmailError(`campaign ${email.campaignId} no longer exists`);
    const definition = campaign.definition;
    const template: EmailTemplate | undefined = definition.kind === 'abandoned_cart' ? definition.steps[email.step - 1]?.template : definition.template;
    if (!template) throw new PermanentEmailError(`campaign ${email.campaignId} has no step ${email.step}`);
    return { subject: withCampaignGroup(template.subject, definition.codeGroup), text: withCampaignGroup(template.text, definition.codeGroup) };
  }

  async build(email: EmailEntity, campaigns: CampaignsOfRound = new Map()): Promise<EmailContent> {
    const template = await this.templateOf(email, campaigns);
    const snapshot = email.cartId ? await this.dataSource.getRepository(CartSnapshotEntity).findOneBy({ cartId: email.cartId }) : null;
    const landing = snapshot?.snapshot.recoveryUrl ?? this.config.SHOP_URL;
    const unsubscribeUrl = this.unsubscribeLink(email.recipient);
    const variables: Record<string, string> = {
      'customer.id': email.customerId,
      'customer.email': email.recipient,
      unsubscribeUrl,
      'campaign.id': email.campaignId,
    };
    if (snapshot) {
      const cart = snapshot.snapshot;
      variables['cart.id'] = cart.cartId;
      variables['cart.total'] = formatAmount(snapshot.value, cart.currency, this.config.STORE_LOCALE);
      variables['cart.lines'] = cart.lines.map((line) => `${line.quantity} x ${line.name ?? line.sku} at ${formatAmount(line.unitPrice, cart.currency, this.config.STORE_LOCALE)}`).join('\n');
      variables['cart.recoveryUrl'] = this.trackedLink(email.emailId, landing);
    }
    const rendered = new Map<string, RenderedCode>();
    for (const macro of findCodeMacros(template.subject, template.text)) {
      const issued = await this.issue(email, macro.group, macro.mode);
      const target = issued.code ? `${landing}${landing.includes('?') ? '&' : '?'}${new URLSearchParams({ code: issued.code, ...(issued.token ? { token: issued.token } : {}) }).toString()}` : null;
      rendered.set(macroKey(macro), { code: issued.code, link: target ? this.trackedLink(email.emailId, target) : null });
    }
    return { subject: renderTemplate(template.subject, variables, rendered), text: renderTemplate(template.text, variables, rendered), unsubscribeUrl };
  }

  private campaignOf(campaignId: string, campaigns: CampaignsOfRound): Promise<CampaignEntity | null> {
    const known = campaigns.get(campaignId);
    if (known) return known;
    const read = this.dataSource.getRepository(CampaignEntity).findOneBy({ campaignId });
    campaigns.set(campaignId, read);
    // A failed read is not kept: the next email of the round reads again.
    read.catch(() => campaigns.delete(campaignId));
    return read;
  }

  private async issue(email: EmailEntity, group: string, mode: 'first' | 'reissue'): Promise<{ readonly code: string | null; readonly token: string | null }> {
    if (mode === 'first' && email.code) return { code: email.code, token: email.codeToken };
    const issued = await this.codes.issue(group, email.customerId, mode);
    if (mode === 'first' && issued.code) {
      // Stored only on an email this replica still holds: one taken over keeps its new claimant's code.
      const stored = await this.claims.storeCodes([{ emailId: email.emailId, code: issued.code, token: issued.token }]);
      if (stored.has(email.emailId)) {
        email.code = issued.code;
        email.codeToken = issued.token;
      }
    }
    return issued;
  }
}
