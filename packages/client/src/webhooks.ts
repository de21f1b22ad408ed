/** Deliveries older or newer than this (by their signed `t`) are refused: a replay guard. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares without an early exit, so timing tells nothing about where two signatures differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a webhook delivery (Web Crypto: Node 20+, Deno, browsers, workers). `rawBody` is the
 * request body exactly as received (before JSON parsing); `header` is `X-Signature`
 * (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`). True when a v1 signature
 * matches and `t` is within 5 minutes of `nowSeconds`. De-duplicate accepted events on `id`.
 */
export async function verifyWebhookSignature(secret: string, rawBody: string, header: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<boolean> {
  const pairs = header.split(',').map((part) => part.trim().split('=') as [string, string | undefined]);
  const t = Number(pairs.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = hex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${t}.${rawBody}`)));
  return pairs.some(([k, v]) => k === 'v1' && v !== undefined && constantTimeEqual(v, expected));
}
