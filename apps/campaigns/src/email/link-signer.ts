import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 signatures for the unsubscribe and tracked links, so nobody can unsubscribe or click for someone else. */
export class LinkSigner {
  constructor(private readonly key: string) {}

  sign(purpose: string, value: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${value}`).digest('base64url');
  }

  isValid(purpose: string, value: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(purpose, value));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
