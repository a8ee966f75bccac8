import { CodeTokenSigner } from './code-token.signer';

describe('CodeTokenSigner', () => {
  const signer = CodeTokenSigner.fromConfig(['k2:second-secret-of-16+chars', 'k1:first-secret-of-16+chars'], undefined);

  it('accepts its own token for the code and customer it names', () => {
    const token = signer.sign('winback-abcd', 'cu-1');
    expect(token.startsWith('k2.')).toBe(true);
    expect(signer.verify(token, 'winback-abcd', 'cu-1')).toBe(true);
  });

  it('refuses the token for another customer, another code, or with no customer', () => {
    const token = signer.sign('winback-abcd', 'cu-1');
    expect(signer.verify(token, 'winback-abcd', 'cu-2')).toBe(false);
    expect(signer.verify(token, 'winback-efgh', 'cu-1')).toBe(false);
    expect(signer.verify(token, 'winback-abcd', null)).toBe(false);
  });

  it('refuses a forged signature, a tampered payload and an unknown key id', () => {
    const token = signer.sign('winback-abcd', 'cu-1');
    const [keyId, , signature] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify(['winback-abcd', 'cu-2'])).toString('base64url');
    expect(signer.verify(`${keyId}.${otherPayload}.${signature}`, 'winback-abcd', 'cu-2')).toBe(false);
    const forger = CodeTokenSigner.fromConfig(['k2:someone-elses-secret-16'], undefined);
    expect(signer.verify(forger.sign('winback-abcd', 'cu-1'), 'winback-abcd', 'cu-1')).toBe(false);
    expect(signer.verify(token.replace(/^k2/, 'k9'), 'winback-abcd', 'cu-1')).toBe(false);
    expect(signer.verify('garbage', 'winback-abcd', 'cu-1')).toBe(false);
  });

  it('still verifies tokens signed with a previous key after rotation', () => {
    const before = CodeTokenSigner.fromConfig(['k1:first-secret-of-16+chars'], undefined);
    const token = before.sign('winback-abcd', 'cu-1');
    expect(signer.verify(token, 'winback-abcd', 'cu-1')).toBe(true);
  });
});
