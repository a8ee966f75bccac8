/** Code macros (K3, seed 001): `{{promocode 'GROUP'}}` issues a fresh code, `{{last_promocode 'GROUP'}}` shows the one issued before. */
export interface CodeMacro {
  readonly mode: 'first' | 'reissue';
  readonly group: string;
}

const MACRO = /\{\{\s*(?:client\.)?(promocode|last_promocode)\s*\(?\s*'([^']+)'\s*\)?\s*\}\}/g;
const VARIABLE = /\{\{\s*([a-zA-Z][a-zA-Z0-9_.]*)\s*\}\}/g;

/** A code macro that names no group (`{{promocode}}`, `{{last_promocode()}}`): it uses the campaign's `codeGroup`. */
const GROUPLESS_MACRO = /\{\{\s*(?:client\.)?(promocode|last_promocode)\s*(?:\(\s*\))?\s*\}\}/g;

/** True when a text has a code macro without a group (the campaign must then have a codeGroup). */
export function usesCampaignGroup(...texts: readonly string[]): boolean {
  return texts.some((text) => text.search(GROUPLESS_MACRO) >= 0);
}

/** The text with every group-less code macro naming `codeGroup` (a group key: letters, digits, _ and -); unchanged without a group. */
export function withCampaignGroup(text: string, codeGroup: string | null): string {
  return codeGroup === null ? text : text.replace(GROUPLESS_MACRO, (_whole, kind: string) => `{{${kind} '${codeGroup}'}}`);
}

export function macroKey(macro: CodeMacro): string {
  return `${macro.mode}:${macro.group}`;
}

/** The code macros a template uses, each once. */
export function findCodeMacros(...texts: readonly string[]): readonly CodeMacro[] {
  const found = new Map<string, CodeMacro>();
  for (const text of texts) {
    for (const match of text.matchAll(MACRO)) {
      const macro: CodeMacro = { mode: match[1] === 'promocode' ? 'first' : 'reissue', group: match[2] ?? '' };
      found.set(macroKey(macro), macro);
    }
  }
  return [...found.values()];
}

/** What a macro renders: the code and its signed link, or nothing when no code is left or none was issued before. */
export interface RenderedCode {
  readonly code: string | null;
  readonly link: string | null;
}

/** Fills `{{name}}` variables and code macros; an unknown variable renders empty. */
export function renderTemplate(text: string, variables: Readonly<Record<string, string>>, codes: ReadonlyMap<string, RenderedCode>): string {
  return text
    .replace(MACRO, (_whole, kind: string, group: string) => {
      const rendered = codes.get(macroKey({ mode: kind === 'promocode' ? 'first' : 'reissue', group }));
      if (!rendered?.code) return '';
      return rendered.link ? `${rendered.code} (${rendered.link})` : rendered.code;
    })
    .replace(VARIABLE, (_whole, name: string) => variables[name] ?? '');
}
