import { Injectable } from '@nestjs/common';
import { type FS, Liquid, type Template } from 'liquidjs';
import { codeMacroTag, type EmailFormat, RENDERED_CODES } from './code-macro.tags';
import type { RenderedCode } from './template.renderer';

/** Templates read no file: `include`, `render` and `layout` find nothing (a merchant's template must not reach the disk). */
const NO_FILES: FS = {
  exists: () => Promise.resolve(false),
  existsSync: () => false,
  readFile: (file) => Promise.reject(new Error(`templates read no file (${file})`)),
  readFileSync: (file) => {
    throw new Error(`templates read no file (${file})`);
  },
  resolve: (_dir, file) => file,
};

/** Parsed templates kept per engine; campaigns have few templates, so the bound only guards against growth. */
const PARSED_TEMPLATES_KEPT = 500;

function createEngine(format: EmailFormat): Liquid {
  const engine = new Liquid({
    fs: NO_FILES,
    relativeReference: false,
    // An unknown filter is a mistake in the template, refused when the campaign is saved.
    strictFilters: true,
    // An unknown variable renders empty, as it does in plain templates.
    strictVariables: false,
    ownPropertyOnly: true,
    ...(format === 'html' ? { outputEscape: 'escape' as const } : {}),
    // Bounds against a template that would take the sender down (lengths in characters, time in ms).
    parseLimit: 1_000_000,
    renderLimit: 1_000,
    memoryLimit: 10_000_000,
  });
  engine.registerTag('promocode', codeMacroTag('first', format));
  engine.registerTag('last_promocode', codeMacroTag('reissue', format));
  return engine;
}

/**
 * Liquid templates (#25): one engine configuration, in two outputs (the text body as written, the HTML
 * body with every `{{ }}` escaped unless a template says `| raw`). Parsed templates are kept by source.
 */
@Injectable()
export class LiquidRenderer {
  private readonly engines: Readonly<Record<EmailFormat, Liquid>> = { text: createEngine('text'), html: createEngine('html') };
  private readonly parsed: Record<EmailFormat, Map<string, Template[]>> = { text: new Map(), html: new Map() };

  /** Why the source is not a template we can render (a parse error, an unknown filter or tag), or null. */
  problemOf(source: string): string | null {
    try {
      this.parse(source, 'html');
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  async render(source: string, format: EmailFormat, variables: object, codes: ReadonlyMap<string, RenderedCode>): Promise<string> {
    const scope = { ...variables, [RENDERED_CODES]: codes };
    const output: unknown = await this.engines[format].render(this.parse(source, format), scope);
    return String(output);
  }

  private parse(source: string, format: EmailFormat): Template[] {
    const kept = this.parsed[format];
    const known = kept.get(source);
    if (known) return known;
    const templates = this.engines[format].parse(source);
    if (kept.size >= PARSED_TEMPLATES_KEPT) kept.clear();
    kept.set(source, templates);
    return templates;
  }
}
