/** One address: `local@domain` (dot-atom local part, dotted domain labels), letters of any script allowed. */
const ADDR_SPEC = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*$/u;

/** `Display Name <address>`: the name may not hold another address or a list separator. */
const NAME_ADDR = /^[^<>@,;"]*<([^<>]+)>$/u;

/**
 * The one address an email goes to and a suppression is keyed by (#19): trimmed, taken out of a
 * `Name <address>` form, lower-cased; null when the text is not exactly one address (a list such as
 * `a@x, b@y`, a group, or anything else SMTP would read as several recipients or none). Lower case
 * because every mailbox provider treats addresses case-insensitively and a suppression must match
 * however the commerce platform wrote the address.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  const inAngles = NAME_ADDR.exec(trimmed)?.[1];
  const address = (inAngles ?? trimmed).trim().toLowerCase();
  return address.length <= 254 && ADDR_SPEC.test(address) ? address : null;
}
