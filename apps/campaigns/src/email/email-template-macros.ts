import type { EmailTemplate } from '../campaigns/campaign-definition';
import { type CodeMacro, findCodeMacros, macroKey, usesCampaignGroup, withCampaignGroup } from './template.renderer';

/** `{% promocode 'GROUP' %}`, `{% last_promocode 'GROUP' %}` in a Liquid template (#25). */
const LIQUID_MACRO = /\{%-?\s*(promocode|last_promocode)\s+'([^']+)'\s*-?%\}/g;
/** A Liquid code macro without a group: it uses the campaign's `codeGroup`. */
const LIQUID_GROUPLESS_MACRO = /\{%(-?)\s*(promocode|last_promocode)\s*(-?)%\}/g;

/** The texts of a template that are rendered: subject, text body and, for a Liquid template, its HTML body. */
function textsOf(template: EmailTemplate): readonly string[] {
  return template.html === undefined ? [template.subject, template.text] : [template.subject, template.text, template.html];
}

/** The code macros a template uses, each once, in the syntax it is written in. */
export function codeMacrosOf(template: EmailTemplate): readonly CodeMacro[] {
  if (template.syntax !== 'liquid') return findCodeMacros(template.subject, template.text);
  const found = new Map<string, CodeMacro>();
  for (const text of textsOf(template)) {
    for (const match of text.matchAll(LIQUID_MACRO)) {
      const macro: CodeMacro = { mode: match[1] === 'promocode' ? 'first' : 'reissue', group: match[2] ?? '' };
      found.set(macroKey(macro), macro);
    }
  }
  return [...found.values()];
}

/** True when a template has a code macro without a group (the campaign must then have a codeGroup). */
export function templateUsesCampaignGroup(template: EmailTemplate): boolean {
  if (template.syntax !== 'liquid') return usesCampaignGroup(template.subject, template.text);
  return textsOf(template).some((text) => text.search(LIQUID_GROUPLESS_MACRO) >= 0);
}

/** The template with every group-less code macro naming `codeGroup`; unchanged without a group. */
export function withCampaignGroupIn(template: EmailTemplate, codeGroup: string | null): EmailTemplate {
  if (template.syntax !== 'liquid') return { ...template, subject: withCampaignGroup(template.subject, codeGroup), text: withCampaignGroup(template.text, codeGroup) };
  if (codeGroup === null) return template;
  const named = (text: string): string => text.replace(LIQUID_GROUPLESS_MACRO, (_whole, left: string, kind: string, right: string) => `{%${left} ${kind} '${codeGroup}' ${right}%}`);
  return { ...template, subject: named(template.subject), text: named(template.text), ...(template.html === undefined ? {} : { html: named(template.html) }) };
}
