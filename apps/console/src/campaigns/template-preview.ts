/** The variables a campaign email can use, with sample values for the preview (campaigns' email content). */
export const SAMPLE_VARIABLES: Readonly<Record<string, string>> = {
  'customer.id': 'c-1001',
  'customer.email': 'jane@example.com',
  'cart.id': 'cart-42',
  'cart.total': '$123.45',
  'cart.lines': '2 x Linen shirt at $25.00\n1 x Canvas shoes at $60.00',
  'cart.recoveryUrl': 'https://shop.example.com/cart/cart-42',
  unsubscribeUrl: 'https://shop.example.com/unsubscribe?email=jane%40example.com',
};

const MACRO = /\{\{\s*(?:client\.)?(promocode|last_promocode)\s*\(?\s*'([^']+)'\s*\)?\s*\}\}/g;
const VARIABLE = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** Renders a template as the campaigns service would, with sample values and a sample code per macro. */
export function renderPreview(text: string, variables: Readonly<Record<string, string>> = SAMPLE_VARIABLES): string {
  return text
    .replace(MACRO, (_whole, kind: string, group: string) => `${group.toUpperCase()}-SAMPLE${kind === 'promocode' ? '' : '-PREVIOUS'}`)
    .replace(VARIABLE, (_whole, name: string) => variables[name] ?? '');
}

/** Variables used in the text that the service does not know (they would render empty). */
export function unknownVariables(text: string): string[] {
  const names = [...text.replace(MACRO, '').matchAll(VARIABLE)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((name) => !(name in SAMPLE_VARIABLES)))];
}

const LIQUID_MACRO = /\{%-?\s*(?:promocode|last_promocode)\s+'([^']+)'\s*-?%\}/g;

/** The code groups a template's macros issue from or show (plain and Liquid), in order of first use. */
export function macroGroups(text: string): string[] {
  const groups = [...text.matchAll(MACRO)].map((m) => m[2] ?? '').concat([...text.matchAll(LIQUID_MACRO)].map((m) => m[1] ?? ''));
  return [...new Set(groups.filter((group) => group !== ''))];
}

/** The macro that issues a fresh code of `group` (K3), in the template's syntax. */
export function codeMacro(group: string, isLiquid: boolean): string {
  return isLiquid ? `{% promocode '${group}' %}` : `{{promocode '${group}'}}`;
}
