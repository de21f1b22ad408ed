import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { runSeeders } from '../../src/db/seed';
import { User } from '../../src/modules/accounts/user.entity';
import { LoginAttempt } from '../../src/modules/accounts/login-attempt.entity';
import { bearer, buildTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/users';

interface Op { path: string; security?: unknown[] }

describe.each([
  ['off', '0'],
  ['on', '30'],
])('HEAD answers like GET without a body, on every cached public read (read cache %s)', (_state, readCacheSeconds) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ READ_CACHE_SECONDS: readCacheSeconds });
    await runSeeders(t.ds, t.config);
  });
  afterAll(() => t.close());

  /** Public GET operations, with path parameters filled from the matching list's first item. */
  async function publicReads(): Promise<string[]> {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, { get?: Op }> };
    const urls: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get || ops.get.security?.length || !path.startsWith('/api/v1/')) continue;
      const slug = path.match(/^(.*)\/\{slug\}$/);
      if (slug) {
        const list = (await t.app.inject({ method: 'GET', url: slug[1] })).json() as { items?: { slug: string }[] };
        const first = list.items?.[0]?.slug ?? (path.includes('/pages/') ? 'privacy' : undefined);
        if (first) urls.push(`${slug[1]}/${first}`);
      } else if (!path.includes('{')) urls.push(path);
    }
    return urls;
  }

  it('sends the same ETag and length, no body, and 304 to a matching If-None-Match', async () => {
    const urls = await publicReads();
    const cached: string[] = [];
    for (const url of urls) {
      const get = await t.app.inject({ method: 'GET', url });
      const etag = get.headers.etag as string | undefined;
      if (get.statusCode !== 200 || !etag) continue;
      cached.push(url);
      const head = await t.app.inject({ method: 'HEAD', url });
      expect(`${url} ${head.statusCode} ${head.headers.etag} ${head.headers['content-length']} ${head.body.length}`)
        .toBe(`${url} 200 ${etag} ${Buffer.byteLength(get.body)} 0`);
      for (const method of ['GET', 'HEAD'] as const) {
        const again = await t.app.inject({ method, url, headers: { 'if-none-match': etag } });
        expect(`${method} ${url} ${again.statusCode} ${again.body.length}`).toBe(`${method} ${url} 304 0`);
      }
    }
    // services, posts, projects, home, their detail pages and the site pages.
    expect(cached.length).toBeGreaterThanOrEqual(8);
  });
});

describe('body limits per route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ BODY_LIMIT_KB: '64' });
  });
  afterAll(() => t.close());

  it('sign-in routes take 16 KB; other routes BODY_LIMIT_KB: 413 PAYLOAD_TOO_LARGE past it, nothing stored', async () => {
    const pad = (bytes: number) => 'x'.repeat(bytes);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'someone', password: pad(17 * 1024) } });
    expect(login.statusCode).toBe(413);
    expect(login.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.ds.getRepository(LoginAttempt).count()).toBe(0);

    const register = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'a@example.com', username: 'big', password: pad(17 * 1024) } });
    expect(register.statusCode).toBe(413);
    expect(await t.ds.getRepository(User).count()).toBe(0);

    const admin = await createUser(t, { role: 'admin' });
    const post = (bytes: number) =>
      t.app.inject({ method: 'POST', url: '/api/v1/admin/posts', headers: bearer(admin.token), payload: { title: 'Big', body: pad(bytes) } });
    expect((await post(65 * 1024)).statusCode).toBe(413);
    // Under the limit the route's own validation answers (the body is too long for a post).
    expect((await post(40 * 1024)).statusCode).toBe(400);
  });
});

/** A raw client on a real socket, to send a request as slowly as an attacker would. */
function slowClient(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let timer: NodeJS.Timeout | undefined;
  socket.on('data', (d) => (received += d));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    /** Writes the text one byte at a time, every `everyMs`, until the server closes the socket. */
    trickle(text: string, everyMs: number) {
      let i = 0;
      timer = setInterval(() => {
        if (i < text.length && !socket.destroyed) socket.write(text[i++]);
      }, everyMs);
    },
    write: (text: string) => socket.write(text),
    /** Resolves with what the server answered once it closed the connection; fails loudly after `capMs`. */
    async answerOnClose(capMs: number): Promise<string> {
      const cap = new Promise<never>((_r, reject) => setTimeout(() => reject(new Error(`the server kept the slow connection open for ${capMs} ms`)), capMs).unref());
      try {
        await Promise.race([closed, cap]);
        return received;
      } finally {
        clearInterval(timer);
        socket.destroy();
      }
    },
  };
}

describe('timeouts at the edge (real sockets)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await buildTestApp({ HEADERS_TIMEOUT_SECONDS: '1', BODY_TIMEOUT_SECONDS: '1', REQUEST_TIMEOUT_SECONDS: '30' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('cuts a client that sends its headers one byte at a time (HEADERS_TIMEOUT_SECONDS)', async () => {
    const client = slowClient(port);
    client.write('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n');
    client.trickle('X-Slow: ' + 'a'.repeat(500) + '\r\n\r\n', 200);
    const answer = await client.answerOnClose(20_000);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('cuts a JSON body sent one byte at a time (BODY_TIMEOUT_SECONDS): 408, the handler never runs', async () => {
    const { user } = await createUser(t);
    const body = JSON.stringify({ login: user.username, password: 'wrong-password' });
    const client = slowClient(port);
    client.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    client.trickle(body, 200);
    const answer = await client.answerOnClose(20_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
    expect(await t.ds.getRepository(LoginAttempt).count()).toBe(0);
  });

  it('still serves a normal request on the same server', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(res.status).toBe(200);
  });
});
