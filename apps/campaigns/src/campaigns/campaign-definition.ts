import type { FieldError } from '@promo/platform';
import { templateUsesCampaignGroup } from '../email/email-template-macros';

export type CampaignKind = 'abandoned_cart' | 'retention';

/**
 * Subject, text body and, for a Liquid template, an optional HTML body; variables and code macros (K3)
 * are filled per email. Without `syntax` a template is plain (`{{name}}` variables, `{{promocode 'G'}}`
 * macros), as every template stored before #25; `liquid` templates use LiquidJS with the macros as tags.
 */
export interface EmailTemplate {
  readonly subject: string;
  readonly text: string;
  readonly syntax?: 'liquid';
  /** Liquid and HTML: the email's message inside the default layout, in place of the text body. */
  readonly html?: string;
}

/** Why a Liquid source cannot be rendered (parse error, unknown filter or tag), or null (LiquidRenderer). */
export interface TemplateChecker {
  problemOf(source: string): string | null;
}

export interface AbandonedCartStep {
  /** Minutes after the cart's last change (its latest snapshot's `updatedAt`). */
  readonly delayMinutes: number;
  readonly template: EmailTemplate;
}

export interface AbandonedCartDefinition {
  readonly kind: 'abandoned_cart';
  readonly steps: readonly AbandonedCartStep[];
  /** Minor units: Σ unitPrice × quantity of the latest snapshot must be at least this. */
  readonly minimumCartValue: number;
  readonly codeGroup: string | null;
  /** At most one abandoned-cart email per customer within this many hours (by due time). */
  readonly frequencyCapHours: number;
}

export interface RetentionDefinition {
  readonly kind: 'retention';
  readonly minimumDaysInactive: number;
  /** A new offer only when `detectedAt` is at least this many days after the previous offer's trigger. */
  readonly coolDownDays: number;
  readonly codeGroup: string | null;
  /**
   * K3's per-customer frequency cap: no retention email (of any retention campaign) when the customer's
   * previous one is due less than this many hours before; 0 turns it off. Absent on campaigns stored
   * before it existed: those read it as 24.
   */
  readonly frequencyCapHours?: number;
  readonly template: EmailTemplate;
}

export type CampaignDefinition = AbandonedCartDefinition | RetentionDefinition;

export interface CampaignInput {
  readonly campaignId: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly definition: CampaignDefinition;
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class FieldCollector {
  readonly errors: FieldError[] = [];

  add(field: string, reason: string, detail: string): void {
    this.errors.push({ field, reason, detail });
  }

  string(body: Fields, field: string, path: string, pattern?: RegExp): string {
    const value = body[field];
    if (value === undefined || value === null) this.add(path, 'required', `${path} is required`);
    else if (typeof value !== 'string' || value.trim() === '') this.add(path, 'invalid_type', `${path} must be a non-empty string`);
    else if (pattern && !pattern.test(value)) this.add(path, 'invalid_format', `${path} must match ${pattern.source}`);
    else return value;
    return '';
  }

  integer(body: Fields, field: string, path: string, min: number, max: number, fallback?: number): number {
    const value = body[field];
    if (value === undefined && fallback !== undefined) return fallback;
    if (value === undefined || value === null) this.add(path, 'required', `${path} is required`);
    else if (typeof value !== 'number' || !Number.isSafeInteger(value)) this.add(path, 'invalid_type', `${path} must be an integer`);
    else if (value < min || value > max) this.add(path, 'out_of_range', `${path} must be between ${min} and ${max}`);
    else return value;
    return 0;
  }

  codeGroup(body: Fields, path: string): string | null {
    const value = body['codeGroup'];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || !CAMPAIGN_LIMITS.codeGroup.test(value)) {
      this.add(path, 'invalid_format', `${path} must be a group key of letters, digits, _ or - (at most 64)`);
      return null;
    }
    return value;
  }

  template(body: Fields, field: string, path: string, checker: TemplateChecker): EmailTemplate {
    const value = body[field];
    if (!isRecord(value)) {
      this.add(path, 'required', `${path} must be an object with subject and text`);
      return { subject: '', text: '' };
    }
    const subject = this.string(value, 'subject', `${path}.subject`);
    const text = this.string(value, 'text', `${path}.text`);
    const syntax = value['syntax'];
    const html = value['html'];
    if (syntax !== undefined && syntax !== 'plain' && syntax !== 'liquid') this.add(`${path}.syntax`, 'invalid_value', `${path}.syntax must be "plain" or "liquid"`);
    if (syntax !== 'liquid') {
      if (html !== undefined) this.add(`${path}.html`, 'requires_liquid', `${path}.html is a Liquid template: set ${path}.syntax to "liquid"`);
      return { subject, text };
    }
    const sources: [string, string][] = [
      ['subject', subject],
      ['text', text],
    ];
    if (html !== undefined) sources.push(['html', this.string(value, 'html', `${path}.html`)]);
    for (const [name, source] of sources) {
      const problem = source === '' ? null : checker.problemOf(source);
      if (problem !== null) this.add(`${path}.${name}`, 'invalid_template', `${path}.${name} is not a valid Liquid template: ${problem}`);
    }
    const htmlSource = sources.find(([name]) => name === 'html')?.[1];
    return { subject, text, syntax: 'liquid', ...(htmlSource === undefined ? {} : { html: htmlSource }) };
  }
}

/** K3: at most one email of a kind per customer within this many hours, unless the campaign sets another cap. */
export const DEFAULT_FREQUENCY_CAP_HOURS = 24;

/**
 * What parseCampaignInput accepts, stated once: the parser enforces these and the OpenAPI description of the body
 * (dto/campaign-input.dto.ts) is written from them, so the two cannot disagree.
 */
export const CAMPAIGN_LIMITS = {
  campaignId: /^[a-z0-9][a-z0-9_-]{0,63}$/,
  codeGroup: /^[A-Za-z0-9_-]{1,64}$/,
  steps: { min: 1, max: 10 },
  delayMinutes: { min: 1, max: 60 * 24 * 60 },
  minimumCartValue: { min: 0, max: Number.MAX_SAFE_INTEGER, default: 0 },
  frequencyCapHours: { min: 0, max: 24 * 365, default: DEFAULT_FREQUENCY_CAP_HOURS },
  minimumDaysInactive: { min: 1, max: 3650 },
  coolDownDays: { min: 0, max: 3650, default: 30 },
} as const;

function templatesOf(definition: CampaignDefinition): readonly EmailTemplate[] {
  return definition.kind === 'abandoned_cart' ? definition.steps.map((step) => step.template) : [definition.template];
}

/** Validates a campaign body as the client sent it; every invalid field is named (400, STYLE.md "Errors"). */
export function parseCampaignInput(body: unknown, checker: TemplateChecker, campaignIdFromPath?: string): { readonly input?: CampaignInput; readonly errors: readonly FieldError[] } {
  const fields = new FieldCollector();
  if (!isRecord(body)) return { errors: [{ field: '(body)', reason: 'invalid_type', detail: 'the body must be a JSON object' }] };
  const campaignId = campaignIdFromPath ?? fields.string(body, 'campaignId', 'campaignId', CAMPAIGN_LIMITS.campaignId);
  const name = fields.string(body, 'name', 'name');
  const enabledValue = body['enabled'];
  if (enabledValue !== undefined && typeof enabledValue !== 'boolean') fields.add('enabled', 'invalid_type', 'enabled must be a boolean');
  const enabled = typeof enabledValue === 'boolean' ? enabledValue : true;
  const kind = body['kind'];
  let definition: CampaignDefinition | undefined;
  if (kind === 'abandoned_cart') {
    const stepsValue = body['steps'];
    const steps: AbandonedCartStep[] = [];
    if (!Array.isArray(stepsValue) || stepsValue.length < CAMPAIGN_LIMITS.steps.min || stepsValue.length > CAMPAIGN_LIMITS.steps.max) {
      fields.add('steps', 'invalid_value', `steps must be a list of ${CAMPAIGN_LIMITS.steps.min} to ${CAMPAIGN_LIMITS.steps.max} steps`);
    } else {
      stepsValue.forEach((step: unknown, index) => {
        const path = `steps[${index}]`;
        if (!isRecord(step)) {
          fields.add(path, 'invalid_type', `${path} must be an object`);
          return;
        }
        const delayMinutes = fields.integer(step, 'delayMinutes', `${path}.delayMinutes`, CAMPAIGN_LIMITS.delayMinutes.min, CAMPAIGN_LIMITS.delayMinutes.max);
        const previous = steps[steps.length - 1];
        if (previous && delayMinutes <= previous.delayMinutes) fields.add(`${path}.delayMinutes`, 'not_increasing', `${path}.delayMinutes must be greater than the previous step's`);
        steps.push({ delayMinutes, template: fields.template(step, 'template', `${path}.template`, checker) });
      });
    }
    definition = {
      kind,
      steps,
      minimumCartValue: fields.integer(body, 'minimumCartValue', 'minimumCartValue', CAMPAIGN_LIMITS.minimumCartValue.min, CAMPAIGN_LIMITS.minimumCartValue.max, CAMPAIGN_LIMITS.minimumCartValue.default),
      codeGroup: fields.codeGroup(body, 'codeGroup'),
      frequencyCapHours: fields.integer(body, 'frequencyCapHours', 'frequencyCapHours', CAMPAIGN_LIMITS.frequencyCapHours.min, CAMPAIGN_LIMITS.frequencyCapHours.max, CAMPAIGN_LIMITS.frequencyCapHours.default),
    };
  } else if (kind === 'retention') {
    definition = {
      kind,
      minimumDaysInactive: fields.integer(body, 'minimumDaysInactive', 'minimumDaysInactive', CAMPAIGN_LIMITS.minimumDaysInactive.min, CAMPAIGN_LIMITS.minimumDaysInactive.max),
      coolDownDays: fields.integer(body, 'coolDownDays', 'coolDownDays', CAMPAIGN_LIMITS.coolDownDays.min, CAMPAIGN_LIMITS.coolDownDays.max, CAMPAIGN_LIMITS.coolDownDays.default),
      codeGroup: fields.codeGroup(body, 'codeGroup'),
      frequencyCapHours: fields.integer(body, 'frequencyCapHours', 'frequencyCapHours', CAMPAIGN_LIMITS.frequencyCapHours.min, CAMPAIGN_LIMITS.frequencyCapHours.max, CAMPAIGN_LIMITS.frequencyCapHours.default),
      template: fields.template(body, 'template', 'template', checker),
    };
  } else {
    fields.add('kind', kind === undefined ? 'required' : 'invalid_value', 'kind must be "abandoned_cart" or "retention"');
  }
  if (definition && definition.codeGroup === null && templatesOf(definition).some(templateUsesCampaignGroup)) {
    fields.add('codeGroup', 'required', 'a code macro without a group issues from the campaign\'s codeGroup, which is not set');
  }
  if (fields.errors.length > 0 || !definition) return { errors: fields.errors };
  return { input: { campaignId, name, enabled, definition }, errors: [] };
}
