// Password policy (NIST 800-63B style): length 8..128 (the shared schema), no composition
// rules, but refuse what attackers try first: the most common passwords, trivial variants of
// them, the account's own email, and strings of one or two repeated characters.
import { commonPasswordsText } from './common-passwords.js';

const common = new Set(commonPasswordsText.split('\n').filter(Boolean));

/** "Sunshine2024!" -> "sunshine": the base people decorate with digits and symbols. */
function base(password: string): string {
  return password.toLowerCase().replace(/[^\p{L}]+$/u, '');
}

/** Why the password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, email: string): string | null {
  const lower = password.toLowerCase();
  const normalizedEmail = email.trim().toLowerCase();
  const localPart = normalizedEmail.split('@')[0] ?? '';
  if (common.has(lower) || common.has(base(password))) {
    return 'is one of the most common passwords; choose something less guessable';
  }
  if (lower === normalizedEmail || (localPart.length > 0 && (lower === localPart || base(password) === localPart))) {
    return 'must not be your email address';
  }
  if (new Set(lower).size < 3) return 'is too repetitive';
  return null;
}

export const commonPasswordCount = common.size;
