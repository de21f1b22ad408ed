import { PiApiError, PiClient } from '../../src/lib/pi-platform/pi-client';
import { closedPort, localServer, sendJson } from './local-server';

const payment = {
  identifier: 'pay_1',
  user_uid: 'uid_1',
  amount: 3.3333334,
  memo: 'Order',
  metadata: { order_number: 'PS-1' },
  from_address: 'G1',
  to_address: 'G2',
  direction: 'user_to_app',
  created_at: '2026-01-01T00:00:00.000Z',
  network: 'Pi Testnet',
  status: { developer_approved: false, transaction_verified: false, developer_completed: false, cancelled: false, user_cancelled: false },
  transaction: null,
};

const fast = { timeoutMs: 500, retries: 2, backoffMs: 1 };

describe('PiClient', () => {
  it('reads a payment with the server key', async () => {
    const srv = await localServer((_req, res) => sendJson(res, 200, payment));
    try {
      const pi = new PiClient({ baseUrl: `${srv.url}/`, apiKey: 'k-123', ...fast });
      await expect(pi.getPayment('pay_1')).resolves.toMatchObject({ identifier: 'pay_1', amount: 3.3333334 });
      expect(srv.seen[0]).toMatchObject({ method: 'GET', url: '/v2/payments/pay_1' });
      expect(srv.seen[0].headers.authorization).toBe('Key k-123');
    } finally {
      await srv.close();
    }
  });

  it('creates an App-to-User payment once, with the payment in Pi\'s body shape', async () => {
    const srv = await localServer((_req, res) => sendJson(res, 503, { error: 'service_unavailable', error_message: 'down' }));
    try {
      const pi = new PiClient({ baseUrl: srv.url, apiKey: 'k', ...fast });
      const err = await pi.createAppToUser({ amount: 1.5, memo: 'Refund', metadata: { refund_id: 1 }, uid: 'uid_1' }).catch((e) => e);
      expect(err).toBeInstanceOf(PiApiError);
      expect(err.isUnavailable).toBe(true);
      // Never retried: a lost answer is found again as Pi's ongoing payment, not created twice.
      expect(srv.seen.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v2/payments']);
      expect(JSON.parse(srv.seen[0].body)).toEqual({ payment: { amount: 1.5, memo: 'Refund', metadata: { refund_id: 1 }, uid: 'uid_1' } });
    } finally {
      await srv.close();
    }
  });

  it('posts the txid on complete and nothing extra on approve', async () => {
    const srv = await localServer((_req, res) => sendJson(res, 200, payment));
    try {
      const pi = new PiClient({ baseUrl: srv.url, apiKey: 'k', ...fast });
      await pi.approve('pay_1');
      await pi.complete('pay_1', 'abc');
      expect(srv.seen.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v2/payments/pay_1/approve', 'POST /v2/payments/pay_1/complete']);
      expect(JSON.parse(srv.seen[1].body)).toEqual({ txid: 'abc' });
    } finally {
      await srv.close();
    }
  });

  it("turns Pi's {error, error_message} into a typed error and does not retry a 4xx", async () => {
    const srv = await localServer((_req, res) =>
      sendJson(res, 400, { error: 'already_completed', error_message: 'Payment is already completed', payment }),
    );
    try {
      const pi = new PiClient({ baseUrl: srv.url, apiKey: 'k', ...fast });
      const err = await pi.complete('pay_1', 'abc').catch((e) => e);
      expect(err).toBeInstanceOf(PiApiError);
      expect(err).toMatchObject({ status: 400, code: 'already_completed', message: 'Payment is already completed' });
      expect(err.payment.identifier).toBe('pay_1');
      expect(err.isUnavailable).toBe(false);
      expect(srv.seen).toHaveLength(1);
    } finally {
      await srv.close();
    }
  });

  it('makes sense of an HTML error page', async () => {
    const srv = await localServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>');
    });
    try {
      const pi = new PiClient({ baseUrl: srv.url, apiKey: 'k', ...fast });
      const err = await pi.getPayment('pay_1').catch((e) => e);
      expect(err).toMatchObject({ status: 502, code: 'http_502' });
      expect(err.message).toContain('502 Bad Gateway');
      expect(err.isUnavailable).toBe(true);
      expect(srv.seen).toHaveLength(3); // first try + 2 retries
    } finally {
      await srv.close();
    }
  });

  it('makes sense of a plain-text 401', async () => {
    const srv = await localServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('Unauthorized');
    });
    try {
      const err = await new PiClient({ baseUrl: srv.url, apiKey: 'bad', ...fast }).getPayment('x').catch((e) => e);
      expect(err).toMatchObject({ status: 401, code: 'http_401' });
      expect(err.message).toContain('Unauthorized');
      expect(srv.seen).toHaveLength(1);
    } finally {
      await srv.close();
    }
  });

  it('retries a 5xx and then succeeds', async () => {
    let calls = 0;
    const srv = await localServer((_req, res) => {
      calls += 1;
      if (calls < 3) sendJson(res, 503, { error: 'service_unavailable', error_message: 'try later' });
      else sendJson(res, 200, payment);
    });
    try {
      const pi = new PiClient({ baseUrl: srv.url, apiKey: 'k', ...fast });
      await expect(pi.getPayment('pay_1')).resolves.toMatchObject({ identifier: 'pay_1' });
      expect(calls).toBe(3);
    } finally {
      await srv.close();
    }
  });

  it('gives up after the bounded retries with the last 5xx', async () => {
    const srv = await localServer((_req, res) => sendJson(res, 500, { error: 'internal_server_error', error_message: 'boom' }));
    try {
      const err = await new PiClient({ baseUrl: srv.url, apiKey: 'k', ...fast, retries: 1 }).getPayment('p').catch((e) => e);
      expect(err).toMatchObject({ status: 500, code: 'internal_server_error', message: 'boom' });
      expect(srv.seen).toHaveLength(2);
    } finally {
      await srv.close();
    }
  });

  it('times out a slow answer', async () => {
    // Pi never answers; the timeout is long enough for each attempt to reach the server on a busy machine.
    const srv = await localServer(() => undefined);
    try {
      const err = await new PiClient({ baseUrl: srv.url, apiKey: 'k', timeoutMs: 1500, retries: 1, backoffMs: 1 }).getPayment('p').catch((e) => e);
      expect(err).toMatchObject({ status: 0, code: 'timeout' });
      expect(err.isUnavailable).toBe(true);
      expect(srv.seen).toHaveLength(2);
    } finally {
      await srv.close();
    }
  });

  it('reports a refused connection as a network error', async () => {
    const url = await closedPort();
    const err = await new PiClient({ baseUrl: url, apiKey: 'k', ...fast }).getPayment('p').catch((e) => e);
    expect(err).toBeInstanceOf(PiApiError);
    expect(err).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('asks /v2/me with the user token', async () => {
    const srv = await localServer((_req, res) => sendJson(res, 200, { uid: 'u1', username: 'ann' }));
    try {
      await expect(new PiClient({ baseUrl: srv.url, apiKey: 'k', ...fast }).me('tok')).resolves.toEqual({ uid: 'u1', username: 'ann' });
      expect(srv.seen[0].headers.authorization).toBe('Bearer tok');
    } finally {
      await srv.close();
    }
  });

  it('refuses a 2xx answer that is not JSON', async () => {
    const srv = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>captive portal</html>');
    });
    try {
      const err = await new PiClient({ baseUrl: srv.url, apiKey: 'k', ...fast }).getPayment('p').catch((e) => e);
      expect(err).toMatchObject({ code: 'invalid_response' });
    } finally {
      await srv.close();
    }
  });
});
