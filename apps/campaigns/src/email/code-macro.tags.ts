import { type Context, type Emitter, type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';

/** What Liquid.registerTag takes (liquidjs does not export its TagClass type). */
type TagClass = Parameters<Liquid['registerTag']>[1];
import { type CodeMacro, macroKey, type RenderedCode } from './template.renderer';

/** The output a template is rendered for: the text body as is, the HTML body escaped. */
export type EmailFormat = 'text' | 'html';

/**
 * Where a render finds the codes its macros show: a symbol-keyed property of the scope object, so no
 * template can print or iterate it (Liquid reads string keys only).
 */
export const RENDERED_CODES = Symbol('renderedCodes');

const GROUP_ARGUMENT = /^'([^']+)'$/;

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function renderedCodes(ctx: Context): ReadonlyMap<string, RenderedCode> {
  const codes: unknown = Reflect.get(ctx.environments, RENDERED_CODES);
  return codes instanceof Map ? codes : new Map<string, RenderedCode>();
}

/**
 * K3 code macros as Liquid tags: `{% promocode 'GROUP' %}` shows the fresh code issued for the email,
 * `{% last_promocode 'GROUP' %}` the one issued before; both render nothing without a code. A tag without
 * a group takes the campaign's codeGroup, written in before rendering (withCampaignGroupIn). The text
 * shows "CODE (link)" as the plain macros do; the HTML a link on the code, escaped (tag output is not
 * subject to outputEscape).
 */
export function codeMacroTag(mode: CodeMacro['mode'], format: EmailFormat): TagClass {
  return class CodeMacroTag extends Tag {
    private readonly group: string | null;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      const args = token.args.trim();
      const group = GROUP_ARGUMENT.exec(args)?.[1];
      if (args !== '' && group === undefined) throw new Error(`${token.name} takes one group in single quotes, as in {% ${token.name} 'WINBACK' %}`);
      this.group = group ?? null;
    }

    render(ctx: Context, emitter: Emitter): void {
      if (this.group === null) return;
      const rendered = renderedCodes(ctx).get(macroKey({ mode, group: this.group }));
      if (!rendered?.code) return;
      if (format === 'text') emitter.write(rendered.link ? `${rendered.code} (${rendered.link})` : rendered.code);
      else emitter.write(rendered.link ? `<a href="${escapeHtml(rendered.link)}">${escapeHtml(rendered.code)}</a>` : escapeHtml(rendered.code));
    }
  };
}
