import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@promo/platform';
import { LiquidError } from 'liquidjs';
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
import { EmailRenderer } from './email.renderer';
import { codeMacrosOf, withCampaignGroupIn } from './email-template-macros';
import { emailCartOf, type EmailVariables } from './email-variables';
import { macroKey, type RenderedCode } from './template.renderer';

/** Campaign rows read once per sending round and shared by its emails (a definition edited meanwhile applies from the next round). */
export type CampaignsOfRound = Map<string, Promise<CampaignEntity | null>>;

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  /** The HTML alternative of `text` (#25), sent with it in one multipart/alternative message. */
  readonly html: string;
  readonly unsubscribeUrl: string;
}

/** The landing page with the code (and its token) in the query: where a code's link leads. */
export function landingWithCode(landing: string, code: string, token: string | null): string {
  return `${landing}${landing.includes('?') ? '&' : '?'}${new URLSearchParams({ code, ...(token ? { token } : {}) }).toString()}`;
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
    private readonly renderer: EmailRenderer,
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
    return withCampaignGroupIn(template, definition.codeGroup);
  }

  async build(email: EmailEntity, campaigns: CampaignsOfRound = new Map()): Promise<EmailContent> {
    const template = await this.templateOf(email, campaigns);
    const snapshot = email.cartId ? await this.dataSource.getRepository(CartSnapshotEntity).findOneBy({ cartId: email.cartId }) : null;
    const landing = snapshot?.snapshot.recoveryUrl ?? this.config.SHOP_URL;
    const unsubscribeUrl = this.unsubscribeLink(email.recipient);
    const variables: EmailVariables = {
      customer: { id: email.customerId, email: email.recipient },
      campaign: { id: email.campaignId },
      unsubscribeUrl,
      cart: snapshot ? emailCartOf(snapshot.snapshot, this.trackedLink(email.emailId, landing), this.config.STORE_LOCALE) : null,
    };
    const rendered = new Map<string, RenderedCode>();
    for (const macro of codeMacrosOf(template)) {
      const issued = await this.issue(email, macro.group, macro.mode);
      rendered.set(macroKey(macro), { code: issued.code, link: issued.code ? this.trackedLink(email.emailId, landingWithCode(landing, issued.code, issued.token)) : null });
    }
    try {
      return { ...(await this.renderer.render(template, variables, rendered)), unsubscribeUrl };
    } catch (error) {
      // A template Liquid cannot render (a render limit, a filter refusing its input) fails the same way on every retry.
      if (error instanceof LiquidError) throw new PermanentEmailError(`the template of campaign ${email.campaignId} step ${email.step} cannot be rendered: ${error.message}`, { cause: error });
      throw error;
    }
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
