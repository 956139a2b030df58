// RATE_LIMIT_ALLOWLIST: IPs and CIDRs exempt from per-IP limits (load tests, internal probes).
// Built on node's net.BlockList; IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) match their IPv4 form.
import { BlockList, isIP } from 'node:net';
import { ConfigError } from '../config.js';

export interface IpAllowlist {
  has(ip: string | undefined): boolean;
  readonly size: number;
}

const mappedV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

function normalize(ip: string): string {
  return ip.replace(mappedV4, '$1');
}

/** Throws on an entry that is neither an IP nor a CIDR, naming it. */
export function parseIpAllowlist(entries: readonly string[]): IpAllowlist {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addr = '', bits] = entry.split('/');
    const ip = normalize(addr);
    const family = isIP(ip);
    if (!family)
      throw new ConfigError(`Invalid configuration: RATE_LIMIT_ALLOWLIST "${entry}" is not an IP address or CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) {
      list.addAddress(ip, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128)) {
      throw new ConfigError(`Invalid configuration: RATE_LIMIT_ALLOWLIST "${entry}" has a bad prefix length`);
    }
    list.addSubnet(ip, prefix, type);
  }
  const size = entries.filter((e) => e.trim()).length;
  return {
    size,
    has(ip) {
      if (!ip || size === 0) return false;
      const n = normalize(ip);
      const family = isIP(n);
      if (!family) return false;
      return list.check(n, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
