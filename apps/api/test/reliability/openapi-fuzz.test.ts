import fc from 'fast-check';
import { PI_SANDBOX_DEV_APP_WALLET_SEED } from '@pishop/pi-protocol';
import { User } from '../../src/modules/accounts/user.entity';
import { createUser } from '../support/users';
import { buildWorld, checkout, createService, PI_KEY, piCustomer, WEBHOOK_SECRET, type CheckoutBody, type World } from '../payments/world';
import { emptyFigures, recordFigures } from './support/figures';
import { changedTables, tableFingerprints } from './support/fingerprint';
import { operationsOf, requestArbitrary, type FuzzRequest } from './support/openapi-requests';
import { ResponseValidator, secretFindings } from './support/response-checks';

const REQUESTS = Number(process.env.RELIABILITY_FUZZ_REQUESTS ?? 5000);
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261201);
/** Tables whose rows record refusals on purpose: failed sign-ins (lockout), payment and refund audit trails, replayed idempotent answers. */
const AUDIT_TABLES = ['login_attempts', 'payment_events', 'refund_events', 'idempotency_keys'];
/** The only answers that may carry a credential: sign-ins hand the caller their own access token. */
// The answers that show a new secret once, to the admin who made it: an API key (created or
// rotated) and a webhook endpoint's signing secret.
const SHOWN_ONCE = /^POST \/api\/v1\/admin\/(api-keys(\/\{id\}\/rotate)?|webhook-endpoints)$/;
const SIGN_INS = /^POST \/api\/v1\/auth\/(login|register|pi|refresh)$/;
const FORGED = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIn0.';

interface Finding {
  request: string;
  status: number;
  problems: string[];
}

describe('reliability: fuzzing every operation of the served OpenAPI document', () => {
  let w: World;
  const figures = emptyFigures();
  afterAll(async () => {
    recordFigures(__filename, figures);
    await w?.close();
  });

  it(`${REQUESTS} generated requests (anonymous, customer, admin, forged): no 5xx, answers as documented, no secrets, refusals store nothing`, async () => {
    // Refunds on (the app wallet's seed set), as a shop that takes payments runs.
    w = await buildWorld({ PI_WALLET_PRIVATE_SEED: PI_SANDBOX_DEV_APP_WALLET_SEED });
    const admin = await createUser(w.t, { role: 'admin' });
    const customer = await piCustomer(w);
    const other = await createUser(w.t);
    const service = await createService(w);
    const mine = (await checkout(w, customer.token, service.slug)).json() as CheckoutBody;
    const theirs = (await checkout(w, other.token, service.slug)).json() as CheckoutBody;
    const tokens = { anonymous: '', customer: customer.token, admin: admin.token, forged: FORGED };
    // A fuzzed logout revokes the token it was sent with, a fuzzed admin edit may demote or disable
    // a caller: every request gets fresh tokens and the callers are put back after each answer.
    const freshTokens = () => {
      tokens.customer = w.app.signAccessToken({ sub: String(customer.user.id), role: 'customer' });
      tokens.admin = w.app.signAccessToken({ sub: String(admin.user.id), role: 'admin' });
    };
    const users = w.t.ds.getRepository(User);
    const restoreCallers = async () => {
      await users.update({ id: admin.user.id }, { role: 'admin', isActive: true });
      await users.update({ id: customer.user.id }, { role: 'customer', isActive: true });
    };

    const docRes = await w.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docRes.statusCode).toBe(200);
    const ops = operationsOf(docRes.json());
    expect(ops.length).toBeGreaterThan(80);

    const known = fc.constantFrom<unknown>(
      service.slug, service.id, mine.order.number, theirs.order.number, mine.payment.id, theirs.payment.id,
      mine.order.threadId, theirs.order.threadId, admin.user.id, customer.user.id, other.user.id, 1, 2, 3,
    );
    const requests = fc.sample(requestArbitrary(ops, known), { seed: SEED, numRuns: REQUESTS });
    const validator = new ResponseValidator();
    const secrets = new Map<string, string>([
      ['the JWT secret', w.t.jwtSecret],
      ['the Pi API key', PI_KEY],
      ['the webhook secret', WEBHOOK_SECRET],
      ['the app wallet seed', PI_SANDBOX_DEV_APP_WALLET_SEED],
      ['a password', customer.password],
    ]);
    const fiveXX: Finding[] = [];
    const undocumented: Finding[] = [];
    const leaks: Finding[] = [];
    const stored: Finding[] = [];
    const statuses = new Map<number, number>();
    const describe = (r: FuzzRequest) => `${r.auth} ${r.method} ${r.url.slice(0, 200)} ${(r.payload ?? '').slice(0, 200)}`;

    let before = await tableFingerprints(w.t.ds, AUDIT_TABLES);
    for (const r of requests) {
      const op = ops[r.op];
      freshTokens();
      const headers = { ...r.headers };
      if (r.auth !== 'anonymous') headers.authorization = `Bearer ${tokens[r.auth]}`;
      const res = await w.app.inject({ method: r.method as 'GET', url: r.url, headers, payload: r.payload, remoteAddress: r.ip });
      figures.requestsFuzzed += 1;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) fiveXX.push({ request: describe(r), status: res.statusCode, problems: [res.body.slice(0, 300)] });

      let problems: string[];
      try {
        problems = validator.check(op, res.statusCode, res.headers['content-type'] as string | undefined, res.body, r.method);
      } catch (err) {
        problems = [`unreadable answer: ${(err as Error).message}`];
      }
      if (problems.length) undocumented.push({ request: describe(r), status: res.statusCode, problems });

      if (/^application\/json/.test(String(res.headers['content-type'])) && res.body) {
        const callerSecrets = new Map(secrets);
        for (const [who, token] of Object.entries(tokens)) if (who !== r.auth && token) callerSecrets.set(`the ${who}'s token`, token);
        const allowed = SIGN_INS.test(`${op.method} ${op.path}`) ? ['accessToken'] : SHOWN_ONCE.test(`${op.method} ${op.path}`) ? ['secret'] : [];
        const found = secretFindings(JSON.parse(res.body), callerSecrets, allowed);
        if (found.length) leaks.push({ request: describe(r), status: res.statusCode, problems: found });
      }

      const after = await tableFingerprints(w.t.ds, AUDIT_TABLES);
      if (res.statusCode >= 400) {
        const changed = changedTables(before, after);
        if (changed.length) stored.push({ request: describe(r), status: res.statusCode, problems: changed });
        before = after;
      } else if (r.method !== 'GET' && r.method !== 'HEAD') {
        await restoreCallers();
        before = await tableFingerprints(w.t.ds, AUDIT_TABLES);
      } else {
        before = after;
      }
    }

    figures.serverErrors = fiveXX.length;
    figures.extra.fuzzRefusedRequests = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    figures.extra.fuzzOperations = ops.length;
    process.stdout.write(`fuzz seed ${SEED}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}\n`);

    expect(figures.requestsFuzzed).toBeGreaterThanOrEqual(REQUESTS);
    const first = (list: Finding[]) => list.slice(0, 8);
    expect({ fiveXX: first(fiveXX), undocumented: first(undocumented), leaks: first(leaks), stored: first(stored) }).toEqual({ fiveXX: [], undocumented: [], leaks: [], stored: [] });
  }, 30 * 60_000);
});
