import { Inject, Injectable } from '@nestjs/common';
import { type CartUpdatedData, validateData } from '@promo/contracts';
import { APP_CONFIG, type FieldError, NotFoundError, ValidationFailedError } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { EmailTemplate } from '../campaigns/campaign-definition';
import { CampaignEntity } from '../campaigns/campaign.entity';
import type { CampaignsConfig } from '../config/env.schema';
import { EmailContentService, landingWithCode } from './email-content.service';
import { EmailRenderer, type RenderedEmail } from './email.renderer';
import { codeMacrosOf, withCampaignGroupIn } from './email-template-macros';
import { emailCartOf } from './email-variables';
import { macroKey, type RenderedCode } from './template.renderer';

/** Who a preview is addressed to when the cart names nobody. */
const PREVIEW_RECIPIENT = 'customer@example.com';

/** The cart.updated schema's complaints about the posted cart as 400 field errors, paths as sent (`cart.lines[0].quantity`). */
function cartFieldErrors(cart: unknown): FieldError[] {
  return (validateData('cart.updated', cart) ?? []).map((error) => {
    const missing = error.keyword === 'required' && typeof error.params['missingProperty'] === 'string' ? `/${error.params['missingProperty']}` : '';
    const field = `cart${error.instancePath}${missing}`.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
    const reason = error.keyword === 'required' ? 'required' : error.keyword === 'type' ? 'invalid_type' : 'invalid_value';
    return { field, reason, detail: reason === 'required' ? `${field} is required` : `${field} ${error.message ?? 'is invalid'}` };
  });
}

function isCart(cart: unknown, errors: readonly FieldError[]): cart is CartUpdatedData {
  return errors.length === 0 && typeof cart === 'object' && cart !== null;
}

/**
 * The email a campaign step would send for a given cart (#25), for the console: subject, text and HTML,
 * rendered as a real send renders them, but issuing no code (each code macro shows a placeholder), linking
 * straight to the landing page (no email, so no tracked link) and sending nothing.
 */
@Injectable()
export class EmailPreviewService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: CampaignsConfig,
    private readonly dataSource: DataSource,
    private readonly content: EmailContentService,
    private readonly renderer: EmailRenderer,
  ) {}

  async preview(campaignId: string, stepInPath: string, body: unknown): Promise<RenderedEmail> {
    const errors: FieldError[] = [];
    const step = /^[1-9][0-9]{0,2}$/.test(stepInPath) ? Number(stepInPath) : 0;
    if (step === 0) errors.push({ field: 'step', reason: 'invalid_format', detail: 'step must be a step number, 1 for the first' });
    const cart: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'cart') : undefined;
    if (cart === undefined) errors.push({ field: 'cart', reason: 'required', detail: 'cart is required: a cart as cart.updated carries it' });
    else errors.push(...cartFieldErrors(cart));
    if (!isCart(cart, errors)) throw new ValidationFailedError(errors);
    const template = await this.templateOf(campaignId, step);
    const landing = cart.recoveryUrl ?? this.config.SHOP_URL;
    const recipient = cart.customer?.email ?? cart.guestEmail ?? PREVIEW_RECIPIENT;
    const codes = new Map<string, RenderedCode>();
    for (const macro of codeMacrosOf(template)) {
      const code = `${macro.group}-PREVIEW`;
      codes.set(macroKey(macro), { code, link: landingWithCode(landing, code, null) });
    }
    const variables = {
      customer: { id: cart.customer?.customerId ?? '', email: recipient },
      campaign: { id: campaignId },
      unsubscribeUrl: this.content.unsubscribeLink(recipient),
      cart: emailCartOf(cart, landing, this.config.STORE_LOCALE),
    };
    return this.renderer.render(template, variables, codes);
  }

  private async templateOf(campaignId: string, step: number): Promise<EmailTemplate> {
    const campaign = await this.dataSource.getRepository(CampaignEntity).findOneBy({ campaignId });
    if (!campaign) throw new NotFoundError(`campaign ${campaignId} does not exist`);
    const definition = campaign.definition;
    const template = definition.kind === 'abandoned_cart' ? definition.steps[step - 1]?.template : step === 1 ? definition.template : undefined;
    if (!template) throw new NotFoundError(`campaign ${campaignId} has no step ${step}`);
    return withCampaignGroupIn(template, definition.codeGroup);
  }
}
