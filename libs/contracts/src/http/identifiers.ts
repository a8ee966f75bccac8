/**
 * A promotion id: letters, digits, `.`, `_` and `-`, 1 to 100 characters, starting with a letter or digit. Ids
 * are part of Redis keys (`usage:{<id>}:code:<code>`), where a `}` or `:` in one promotion's id could name
 * another promotion's keys (#19).
 */
export const PROMOTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** What PROMOTION_ID_PATTERN allows, for a 400's detail. */
export const PROMOTION_ID_RULE = 'letters, digits, ".", "_" and "-", 1 to 100 characters, starting with a letter or digit';

/** The longest code a shopper can enter, trimmed: code-inventory stores none longer (C3). */
export const MAX_CODE_LENGTH = 64;

/** The longest email-link token code-inventory accepts with a lookup (C10). */
export const MAX_CODE_TOKEN_LENGTH = 1000;

/** Whether `value` holds a control character (C0, DEL, C1): never part of a code, a token or an id (#19). */
export function hasControlCharacter(value: string): boolean {
  return /\p{Cc}/u.test(value);
}
