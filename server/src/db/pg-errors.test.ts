import { describe, expect, it } from 'vitest';
import { isCheckViolation, isDatabaseUnavailable } from './pg-errors.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    new Error('Connection terminated unexpectedly'),
    new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    Object.assign(new Error('wrapped'), { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
  ])('recognises %s', (err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    Object.assign(new Error('new row violates check constraint'), { code: '23514' }),
    new Error('syntax error at or near "selec"'),
    undefined,
  ])('does not treat %s as an outage', (err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });

  it('still recognises check violations', () => {
    expect(isCheckViolation(Object.assign(new Error('x'), { code: '23514' }))).toBe(true);
  });
});
