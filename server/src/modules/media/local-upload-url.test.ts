import { describe, expect, it } from 'vitest';
import { UploadUrlSigner } from './local-upload-url.js';

const params = { key: 'original/a/b.png', contentType: 'image/png', expires: 2_000_000_000 };

describe('UploadUrlSigner', () => {
  it('verifies its own signature and nothing else', () => {
    const signer = new UploadUrlSigner('a-secret-that-is-long-enough-for-tests-0123');
    const sig = signer.sign(params);
    expect(signer.verify(params, sig)).toBe(true);
    expect(signer.verify({ ...params, contentType: 'image/jpeg' }, sig)).toBe(false);
    expect(signer.verify({ ...params, key: 'original/a/c.png' }, sig)).toBe(false);
    expect(signer.verify({ ...params, expires: params.expires + 1 }, sig)).toBe(false);
    expect(signer.verify({ ...params, length: 10 }, sig)).toBe(false);
    expect(signer.verify(params, sig.slice(0, -2))).toBe(false);
    expect(signer.verify(params, '')).toBe(false);
  });

  it('agrees across instances with the same secret, not with another', () => {
    const a = new UploadUrlSigner('shared-secret-shared-secret-shared-secret');
    const b = new UploadUrlSigner('shared-secret-shared-secret-shared-secret');
    const c = new UploadUrlSigner(undefined);
    const sig = a.sign(params);
    expect(b.verify(params, sig)).toBe(true);
    expect(c.verify(params, sig)).toBe(false);
  });

  it('builds the URL path with expiry, length and signature', () => {
    const signer = new UploadUrlSigner(undefined);
    const url = new URL(signer.path({ ...params, length: 42 }), 'http://x');
    expect(url.pathname).toBe('/api/uploads/original/a/b.png');
    expect(url.searchParams.get('len')).toBe('42');
    expect(signer.verify({ ...params, length: 42 }, url.searchParams.get('sig')!)).toBe(true);
  });
});
