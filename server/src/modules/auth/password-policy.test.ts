import { describe, expect, it } from 'vitest';
import { commonPasswordCount, passwordWeakness } from './password-policy.js';

describe('passwordWeakness', () => {
  it('ships a list of a few hundred common passwords', () => {
    expect(commonPasswordCount).toBeGreaterThan(300);
  });

  it.each(['password', 'PASSWORD', 'Password123', '12345678', 'qwertyuiop', 'iloveyou', 'contraseña', 'Sunshine2024!'])(
    'refuses the common password %s',
    (pw) => {
      expect(passwordWeakness(pw, 'someone@example.com')).toMatch(/common/);
    },
  );

  it('refuses the email or its local part', () => {
    expect(passwordWeakness('maria.lopez', 'Maria.Lopez@example.com')).toMatch(/email/);
    expect(passwordWeakness('maria.lopez99', 'maria.lopez@example.com')).toMatch(/email/);
    expect(passwordWeakness('maria.lopez@example.com', 'maria.lopez@example.com')).toMatch(/email/);
  });

  it('refuses repetitive strings', () => {
    expect(passwordWeakness('zzzzzzzzzz', 'a@b.co')).toMatch(/repetitive/);
    expect(passwordWeakness('xyxyxyxyxy', 'a@b.co')).toMatch(/repetitive/);
  });

  it('accepts a reasonable passphrase', () => {
    expect(passwordWeakness('violet-tractor-orbit', 'maria@example.com')).toBeNull();
    expect(passwordWeakness('Correct-Horse-Battery-9', 'maria@example.com')).toBeNull();
  });
});
