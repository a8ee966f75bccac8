import { isTransientSmtpError } from './smtp.sender';

describe('isTransientSmtpError', () => {
  it('retries 4xx replies and dropped connections, never 5xx replies', () => {
    expect(isTransientSmtpError({ responseCode: 421 })).toBe(true);
    expect(isTransientSmtpError({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isTransientSmtpError({ responseCode: 550 })).toBe(false);
    expect(isTransientSmtpError(new Error('boom'))).toBe(false);
  });
});
