import dns from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/**
 * Whether a webhook URL may be called: http(s) only, and (unless private targets are
 * allowed) every address its host resolves to must be a public unicast address, so the
 * server is never turned against loopback, the private network or cloud metadata.
 * Answers the reason when it may not.
 */
export async function targetRefusal(url: string, allowPrivate: boolean): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http(s) URL';
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `host ${host} does not resolve`;
  }
  for (const a of addresses) {
    const range = rangeOf(a);
    if (range !== 'unicast') return `resolves to a ${range} address (${a}); only public targets are allowed`;
  }
  return null;
}

/** ipaddr.js's range of an address ('unicast' is public), IPv4-mapped IPv6 read as IPv4. */
function rangeOf(address: string): string {
  let addr = ipaddr.parse(address);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  const range = addr.range();
  // Deprecated IPv4-compatible `::a.b.c.d` (::/96), which ipaddr.js calls unicast: never a public target.
  if (range === 'unicast' && addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) return 'ipv4Compatible';
  return range;
}

/**
 * A DNS lookup for outgoing connections that refuses any host resolving to a non-public
 * address. `targetRefusal` checks before sending; this checks the very addresses the socket
 * connects to, so a name re-pointed at a private address in between (DNS rebinding) is refused.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const refused = addresses.find((a) => rangeOf(a.address) !== 'unicast');
    if (refused) {
      const error = Object.assign(new Error(`${hostname} resolves to a non-public address (${refused.address})`), { code: 'ETARGETREFUSED' });
      return callback(error, '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

/** The HTTP client for webhook deliveries: public targets only, unless private ones are allowed. */
export function webhookDispatcher(allowPrivate: boolean): Agent {
  return new Agent(allowPrivate ? {} : { connect: { lookup: publicOnlyLookup } });
}
