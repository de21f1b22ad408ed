import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GateRule {
  method: string;
  /** Matched against the path (query string removed). */
  path: RegExp;
}

export interface Hold {
  /** Resolves when a matching request has arrived and is being held. */
  reached: Promise<void>;
  /** Lets the held request go on to Pi. */
  release(): void;
}

type Reply = { status: number; body: unknown };

/**
 * A transparent HTTP hop between the API and the Pi sandbox, for what only the network can
 * do: hold one request mid-flight until the test lets it go (a slow Pi, without timers), answer
 * in Pi's place (after forwarding, or instead of it), or cut the connection after Pi acted.
 */
export async function piGate(targetUrl: string) {
  const holds: { rule: GateRule; arrived: () => void; gate: Promise<void> }[] = [];
  const overrides: { rule: GateRule; forward: boolean; reply: Reply | 'drop'; times: number }[] = [];
  const forwarded: { method: string; path: string }[] = [];

  const match = (rule: GateRule, method: string, path: string) => rule.method === method && rule.path.test(path);

  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const body = await readBody(req);
    const hold = holds.find((h) => match(h.rule, method, path));
    if (hold) {
      holds.splice(holds.indexOf(hold), 1);
      hold.arrived();
      await hold.gate;
    }
    const override = overrides.find((o) => o.times > 0 && match(o.rule, method, path));
    if (override) override.times -= 1;
    let upstream: Reply & { contentType: string; date?: string | null } = { status: 0, body: null, contentType: '' };
    if (!override || override.forward) {
      forwarded.push({ method, path });
      upstream = await forward(targetUrl, req, body);
    }
    if (override?.reply === 'drop') {
      res.socket?.destroy();
      return;
    }
    const reply = override ? (override.reply as Reply) : upstream;
    // The upstream's Date too: the ledger's clock is read from it.
    res.writeHead(reply.status, { 'content-type': 'application/json', ...(upstream.date && { date: upstream.date }) });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    /** Requests that reached Pi through the gate, in order. */
    forwarded,
    count: (method: string, path: RegExp) => forwarded.filter((r) => r.method === method && path.test(r.path)).length,
    hold(rule: GateRule): Hold {
      let arrived!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      holds.push({ rule, arrived, gate });
      return { reached, release };
    },
    /** Answers `reply` for the next `times` matching requests; with `forward`, Pi still gets them first. */
    answer(rule: GateRule, reply: Reply | 'drop', opts: { forward: boolean; times?: number }) {
      overrides.push({ rule, reply, forward: opts.forward, times: opts.times ?? 1 });
    },
    /** Forgets every `answer` not used up yet. */
    clear() {
      overrides.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type PiGate = Awaited<ReturnType<typeof piGate>>;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

async function forward(targetUrl: string, req: http.IncomingMessage, body: string) {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'content-type', 'accept']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const res = await fetch(`${targetUrl}${req.url}`, { method: req.method, headers, body: body === '' ? undefined : body });
  return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') ?? '', date: res.headers.get('date') };
}
