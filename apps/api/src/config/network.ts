import ipaddr from 'ipaddr.js';

/** false (no proxy), a hop count, or the proxy addresses/CIDRs to believe X-Forwarded-* from. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges (Fastify passes the list to it). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: `false`, a hop count (`1` = one proxy in front), or proxy addresses/CIDRs
 * (comma-separated, or proxy-addr's `loopback`, `linklocal`, `uniquelocal`). `true` would
 * believe any client's X-Forwarded-For (lockout and rate limits bypassed), so it is refused.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim();
  if (v === 'false' || v === '' || v === '0') return false;
  if (v === 'true') throw new Error('"true" would trust any client; give the number of proxies (e.g. 1) or their addresses/CIDRs');
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new Error('must be at most 10 hops');
    return hops;
  }
  const entries = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    if (NAMED_RANGES.has(entry)) continue;
    const cidr = entry.includes('/') ? parseCidr(entry) : null;
    const valid = entry.includes('/') ? cidr !== null : ipaddr.isValid(entry);
    if (!valid) throw new Error(`"${entry}" is not an IP address or CIDR (or loopback, linklocal, uniquelocal)`);
    if (cidr && cidr[1] < MIN_PREFIX[cidr[0].kind()]) {
      throw new Error(`"${entry}" is too wide (at least /${MIN_PREFIX[cidr[0].kind()]}): it would trust clients' X-Forwarded-For, not only your proxies'`);
    }
  }
  return entries;
}

/** The widest proxy ranges accepted: a /0 (or close) would trust every client again. */
const MIN_PREFIX = { ipv4: 8, ipv6: 8 } as const;

function parseCidr(value: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  try {
    return ipaddr.parseCIDR(value);
  } catch {
    return null;
  }
}

/**
 * CORS_ORIGINS: exact origins (`https://shop.example.com`, comma-separated). Credentials are
 * allowed for them, so `*` (any site reading signed-in answers) is refused.
 */
export function parseCorsOrigins(value: string): string[] {
  const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    if (entry.includes('*')) throw new Error('"*" is refused: credentials are allowed, so list the origins that may call the API');
    if (originOf(entry) !== entry) throw new Error(`"${entry}" is not an origin (scheme://host[:port], no path or trailing slash)`);
  }
  return entries;
}

function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const HOST_SOURCE = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/i;
const LOCAL_SOURCE = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/**
 * PI_FRAME_ANCESTORS: the https origins that may frame the app besides 'self' (space- or
 * comma-separated; a leading `*.` matches subdomains), as CSP frame-ancestors host sources.
 * Plain http only for this machine (local framing tests).
 */
export function parseFrameAncestors(value: string): string[] {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    if (!HOST_SOURCE.test(entry) && !LOCAL_SOURCE.test(entry)) {
      throw new Error(`"${entry}" is not an https origin such as https://app.example.com or https://*.example.com`);
    }
  }
  return entries;
}
