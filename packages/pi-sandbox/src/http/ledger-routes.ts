import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitAppPayment } from '../core/app-payments';
import { isObject } from '../core/json';
import { LedgerRefusal } from '../core/ledger';
import type { Sandbox } from '../core/sandbox';
import { isAccountId } from '../core/stellar';
import { delayHooks } from './fault-hooks';
import { toHorizonAccount, toHorizonFeeStats, toHorizonRoot, toHorizonTransaction, toOperationsPage } from './horizon-dto';
import { badRequest, failedProblem, notFoundProblem, refusalProblem, sendProblem } from './horizon-problems';
import { linksFor } from './links';

type ByTxid = { Params: { txid: string } };
type ById = { Params: { id: string } };

/**
 * Horizon for the sandbox chain: what a Stellar client needs to read a payment's transaction and
 * to build, sign and submit the app's own (root, account, fee stats, transactions). Its `Date`
 * header is the sandbox clock, which Stellar SDKs use for time bounds.
 */
export function ledgerRoutes(app: FastifyInstance, sandbox: Sandbox, mountPrefix: string): void {
  const { ledger, payments } = sandbox;
  const links = (request: FastifyRequest) => linksFor(request, mountPrefix);

  app.register(async (horizon) => {
    delayHooks(horizon, sandbox, mountPrefix);
    horizon.addHook('onSend', async (_request, reply) => {
      reply.header('date', sandbox.clock.now().toUTCString());
    });

    // `/ledger/` too, unless the parent's router already treats it as `/ledger`.
    const roots = ignoresTrailingSlash(app) ? ['/ledger'] : ['/ledger', '/ledger/'];
    for (const path of roots) horizon.get(path, async (request) => toHorizonRoot(ledger, links(request)));
    horizon.get('/ledger/fee_stats', async () => toHorizonFeeStats(ledger));
    horizon.get<ById>('/ledger/accounts/:id', async (request, reply) => {
      const { id } = request.params;
      if (!isAccountId(id)) return sendProblem(reply, badRequest('account_id', 'Account ID must start with `G` and contain 56 alphanum characters'));
      const account = ledger.account(id);
      return account ? toHorizonAccount(account, links(request)) : sendProblem(reply, notFoundProblem());
    });
    horizon.get<ByTxid>('/ledger/transactions/:txid', async (request, reply) =>
      withTransaction(request, reply, sandbox, (tx) => toHorizonTransaction(tx, links(request))),
    );
    horizon.get<ByTxid>('/ledger/transactions/:txid/operations', async (request, reply) =>
      withTransaction(request, reply, sandbox, (tx) => toOperationsPage(tx, links(request))),
    );
    horizon.post('/ledger/transactions', async (request, reply) => {
      const envelope = isObject(request.body) ? request.body.tx : undefined;
      if (typeof envelope !== 'string' || envelope === '') {
        return sendProblem(reply, badRequest('tx', 'Transaction must be set: form field `tx`, a base64 TransactionEnvelope'));
      }
      try {
        // A form decoder turns "+" into a space; base64 has no spaces, so put them back.
        const tx = submitAppPayment(ledger, payments, sandbox.appWallet, envelope.replace(/ /g, '+'));
        return tx.successful ? toHorizonTransaction(tx, links(request)) : sendProblem(reply, failedProblem(tx));
      } catch (error) {
        if (error instanceof LedgerRefusal) return sendProblem(reply, refusalProblem(error));
        throw error;
      }
    });
  });
}

function ignoresTrailingSlash(app: FastifyInstance): boolean {
  const config = app.initialConfig as { routerOptions?: { ignoreTrailingSlash?: boolean }; ignoreTrailingSlash?: boolean };
  return Boolean(config.routerOptions?.ignoreTrailingSlash ?? config.ignoreTrailingSlash);
}

function withTransaction<T>(
  request: FastifyRequest<ByTxid>,
  reply: FastifyReply,
  sandbox: Sandbox,
  render: (tx: NonNullable<ReturnType<Sandbox['ledger']['find']>>) => T,
) {
  const { txid } = request.params;
  if (!/^[0-9a-fA-F]{64}$/.test(txid)) {
    return sendProblem(reply, badRequest('tx_id', 'Transaction hash must be a 64 character hex string'));
  }
  const tx = sandbox.ledger.find(txid);
  return tx ? render(tx) : sendProblem(reply, notFoundProblem());
}
