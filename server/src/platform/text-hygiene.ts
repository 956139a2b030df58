// Text hygiene: the one rule for control characters in anything a client sends. NUL and the
// other C0 controls, DEL and the C1 controls are refused; tab and newline stay (free text
// uses them; single-line fields are trimmed and normalized by their own schemas). PostgreSQL
// cannot store NUL in text at all, so without this a NUL became a 500.
import type { FieldError } from '@gpu/shared';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters';

const MAX_DEPTH = 32;

/** Every field (dotted path) of a parsed JSON value or query object whose text has a control character. */
export function controlCharacterErrors(value: unknown, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (v: unknown, at: string, depth: number) => {
    if (typeof v === 'string') {
      if (CONTROL.test(v)) errors.push({ path: at || '(root)', message: CONTROL_CHARACTER_MESSAGE });
      return;
    }
    if (depth >= MAX_DEPTH || v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      const childPath = at ? `${at}.${k}` : k;
      if (CONTROL.test(k)) errors.push({ path: at || '(root)', message: `field names ${CONTROL_CHARACTER_MESSAGE}` });
      else visit(child, childPath, depth + 1);
    }
  };
  visit(value, path, 0);
  return errors;
}
