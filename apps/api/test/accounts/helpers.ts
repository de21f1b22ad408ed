import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { REFRESH_COOKIE_NAME } from '@pishop/shared';
import { buildTestApp, type TestApp } from '../support/app';

/** A test app whose upload folders live in a temporary directory (removed on close). */
export async function buildAccountsApp(env: Record<string, string> = {}): Promise<TestApp & { dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-accounts-'));
  const t = await buildTestApp({ MEDIA_ROOT: path.join(dir, 'media'), PRIVATE_ROOT: path.join(dir, 'private'), ...env });
  return {
    ...t,
    dir,
    close: async () => {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The refresh cookie a response set (value and attributes), if any. */
export function refreshCookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === REFRESH_COOKIE_NAME) as
    | { name: string; value: string; path?: string; httpOnly?: boolean; sameSite?: string; secure?: boolean; maxAge?: number }
    | undefined;
}

export function refreshCookieHeader(value: string) {
  return { cookie: `${REFRESH_COOKIE_NAME}=${value}` };
}

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Builds a JWT by hand, to try what a forger would: other algorithms, claims, signatures. */
export function forgeJwt(header: object, payload: object, secret?: string): string {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  const signature = secret ? createHmac('sha256', secret).update(unsigned).digest('base64url') : '';
  return `${unsigned}.${signature}`;
}

export interface FakeServer {
  url: string;
  requests: { url: string; body: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** A real HTTP server on a random local port answering with `handler`. */
export async function fakeServer(
  handler: (req: { url: string; body: string; headers: http.IncomingHttpHeaders }) => { status: number; body: unknown },
): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const seen = { url: req.url ?? '', body, headers: req.headers };
      requests.push(seen);
      const answer = handler(seen);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A multipart/form-data body with one file part (and optional text fields). */
export function multipart(file: { field?: string; name: string; type: string; data: Buffer } | null, fields: Record<string, string> = {}) {
  const boundary = `----pishop${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A small, valid PDF. */
export function tinyPdf(text = 'Curriculum vitae'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}
