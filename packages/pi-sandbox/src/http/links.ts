import type { FastifyRequest } from 'fastify';

/** Absolute URLs of this sandbox as the current caller reaches it (host, port and prefix). */
export interface Links {
  base: string;
  ledgerTransaction(txid: string): string;
}

export function linksFor(request: FastifyRequest, mountPrefix: string): Links {
  const base = `${request.protocol}://${request.host}${mountPrefix}`;
  return { base, ledgerTransaction: (txid) => `${base}/ledger/transactions/${txid}` };
}
