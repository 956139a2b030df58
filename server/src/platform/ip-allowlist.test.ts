import { describe, expect, it } from 'vitest';
import { parseIpAllowlist } from './ip-allowlist.js';

describe('parseIpAllowlist', () => {
  it('matches single addresses and CIDRs, IPv4 and IPv6', () => {
    const list = parseIpAllowlist(['10.0.0.0/8', '192.168.1.7', '2001:db8::/32', '::1']);
    expect(list.has('10.200.3.4')).toBe(true);
    expect(list.has('11.0.0.1')).toBe(false);
    expect(list.has('192.168.1.7')).toBe(true);
    expect(list.has('192.168.1.8')).toBe(false);
    expect(list.has('2001:db8:1::5')).toBe(true);
    expect(list.has('2001:db9::5')).toBe(false);
    expect(list.has('::1')).toBe(true);
  });

  it('treats IPv4-mapped IPv6 as its IPv4 form', () => {
    const list = parseIpAllowlist(['127.0.0.0/8']);
    expect(list.has('::ffff:127.0.0.1')).toBe(true);
    expect(list.has('::ffff:128.0.0.1')).toBe(false);
  });

  it('is empty by default and refuses garbage', () => {
    expect(parseIpAllowlist([]).has('127.0.0.1')).toBe(false);
    expect(parseIpAllowlist(['1.2.3.4']).has(undefined)).toBe(false);
    expect(parseIpAllowlist(['1.2.3.4']).has('not-an-ip')).toBe(false);
    expect(() => parseIpAllowlist(['nope'])).toThrow(/nope/);
    expect(() => parseIpAllowlist(['10.0.0.0/33'])).toThrow(/prefix/);
    expect(() => parseIpAllowlist(['10.0.0.0/x'])).toThrow(/prefix/);
  });
});
