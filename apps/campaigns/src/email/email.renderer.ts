import { Injectable } from '@nestjs/common';
import type { EmailTemplate } from '../campaigns/campaign-definition';
import { emailLayoutWith, TEXT_BODY_AS_MESSAGE } from './email-layout.mjml';
import { type EmailVariables, plainVariables } from './email-variables';
import { LiquidRenderer } from './liquid.renderer';
import { MjmlCompiler } from './mjml.compiler';
import { type RenderedCode, renderTemplate } from './template.renderer';

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * One email's subject, text and HTML bodies (#25). A plain template renders as before #25 (template.renderer);
 * a Liquid one through LiquidRenderer. The HTML body is the default MJML layout around the message (the
 * Liquid template's `html`, else the text body, escaped), compiled once per template, filled per email.
 */
@Injectable()
export class EmailRenderer {
  constructor(
    private readonly liquid: LiquidRenderer,
    private readonly mjml: MjmlCompiler,
  ) {}

  /** `template` with its group-less macros already naming the campaign's group; `codes` by macroKey. */
  async render(template: EmailTemplate, variables: EmailVariables, codes: ReadonlyMap<string, RenderedCode>): Promise<RenderedEmail> {
    const isLiquid = template.syntax === 'liquid';
    const flat = isLiquid ? {} : plainVariables(variables);
    const subject = isLiquid ? await this.liquid.render(template.subject, 'text', variables, codes) : renderTemplate(template.subject, flat, codes);
    const text = isLiquid ? await this.liquid.render(template.text, 'text', variables, codes) : renderTemplate(template.text, flat, codes);
    const layout = await this.mjml.compile(emailLayoutWith(isLiquid && template.html !== undefined ? template.html : TEXT_BODY_AS_MESSAGE));
    const html = await this.liquid.render(layout, 'html', { ...variables, subject, message_text: text }, codes);
    return { subject, text, html };
  }
}
