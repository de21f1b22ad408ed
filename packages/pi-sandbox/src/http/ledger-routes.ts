import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ledger, LedgerTransaction } from '../core/ledger';
import type { HorizonProblem } from '../types';
import { toHorizonTransaction, toOperationsPage } from './dto';
import { linksFor } from './links';

type ByTxid = { Params: { txid: string } };

/** Horizon's read API for the sandbox chain, so the server can check a txid on its own. */
export function ledgerRoutes(app: FastifyInstance, ledger: Ledger, mountPrefix: string): void {
  app.get<ByTxid>('/ledger/transactions/:txid', async (request, reply) =>
    withTransaction(request, reply, ledger, (tx) => toHorizonTransaction(tx, linksFor(request, mountPrefix))),
  );
  app.get<ByTxid>('/ledger/transactions/:txid/operations', async (request, reply) =>
    withTransaction(request, reply, ledger, (tx) => toOperationsPage(tx, linksFor(request, mountPrefix))),
  );
}

function withTransaction<T>(
  request: FastifyRequest<ByTxid>,
  reply: FastifyReply,
  ledger: Ledger,
  render: (tx: LedgerTransaction) => T,
) {
  const { txid } = request.params;
  if (!/^[0-9a-fA-F]{64}$/.test(txid)) {
    return problem(reply, {
      type: 'https://stellar.org/horizon-errors/bad_request',
      title: 'Bad Request',
      status: 400,
      detail: 'The request you sent was invalid in some way.',
      extras: { invalid_field: 'tx_id', reason: 'Transaction hash must be a 64 character hex string' },
    });
  }
  const tx = ledger.find(txid);
  if (!tx) {
    return problem(reply, {
      type: 'https://stellar.org/horizon-errors/not_found',
      title: 'Resource Missing',
      status: 404,
      detail: 'The resource at the url requested was not found.',
    });
  }
  return render(tx);
}

// Horizon answers errors as RFC 7807 problem documents.
const problem = (reply: FastifyReply, body: HorizonProblem) =>
  reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
