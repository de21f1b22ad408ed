import pRetry from 'p-retry';

/** How one upstream (Pi Platform API, Horizon) is called: per-attempt timeout, bounded retries. */
export interface UpstreamOptions {
  timeoutMs: number;
  /** Extra attempts after the first, on network errors, timeouts and 5xx only. */
  retries: number;
  /** First backoff delay; doubles each retry, with jitter (between 1× and 2×). */
  backoffMs: number;
  fetch?: typeof fetch;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  text: string;
  /** The parsed body when it was JSON, else undefined. */
  json: unknown;
  /** The server's `Date` header, when it sent one (Horizon's clock, for transaction time bounds). */
  date: string | null;
}

/** No answer at all: the connection failed or the attempt ran out of time. */
export class UpstreamTransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamTransportError';
  }
}

/** A 5xx answer worth another attempt; when attempts run out it is returned, not thrown. */
class RetryableAnswer extends Error {
  constructor(readonly answer: UpstreamResponse) {
    super(`HTTP ${answer.status}`);
  }
}

/**
 * One request with retries (p-retry): network errors, timeouts and 5xx answers are retried with
 * exponential backoff and jitter, up to `retries` times; 4xx answers come back at once, never
 * retried. The last 5xx answer is returned; the last transport failure is thrown.
 */
export async function requestWithRetries(
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown; form?: Record<string, string> },
  opts: UpstreamOptions,
): Promise<UpstreamResponse> {
  const doFetch = opts.fetch ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  let body: string | undefined;
  if (init.form !== undefined) {
    body = new URLSearchParams(init.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const attempt = async (): Promise<UpstreamResponse> => {
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { method: init.method, headers, body, signal: AbortSignal.timeout(opts.timeoutMs) });
      text = await res.text();
    } catch (err) {
      throw toTransportError(err, opts.timeoutMs);
    }
    const answer = { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json: parseJson(text), date: res.headers.get('date') };
    // A 429 (a rate limiter in front of Pi) did nothing either: as retryable as a 5xx.
    if (res.status >= 500 || res.status === 429) throw new RetryableAnswer(answer);
    return answer;
  };
  try {
    return await pRetry(attempt, {
      retries: opts.retries,
      minTimeout: opts.backoffMs,
      factor: 2,
      randomize: true,
      // Transport failures and 5xx answers are worth another try; nothing else is thrown here.
      shouldRetry: ({ error }) => error instanceof UpstreamTransportError || error instanceof RetryableAnswer,
    });
  } catch (err) {
    if (err instanceof RetryableAnswer) return err.answer;
    throw err instanceof UpstreamTransportError ? err : toTransportError(err, opts.timeoutMs);
  }
}

function toTransportError(err: unknown, timeoutMs: number): UpstreamTransportError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new UpstreamTransportError('timeout', `no answer within ${timeoutMs} ms`);
  }
  const reason = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? 'connection failed';
  return new UpstreamTransportError('network', `connection failed (${reason})`);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short readable summary of an error page (HTML title or text), for messages and logs. */
export function summariseErrorText(text: string, max = 200): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text)
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
