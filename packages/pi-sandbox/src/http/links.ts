import type { FastifyRequest } from 'fastify';

/** Absolute URLs of this sandbox as the current caller reaches it (host, port and prefix). */
export interface Links {
  base: string;
  ledger: string;
  ledgerTransaction(txid: string): string;
  ledgerAccount(address: string): string;
}

export function linksFor(request: FastifyRequest, mountPrefix: string): Links {
  const base = `${request.protocol}://${request.host}${mountPrefix}`;
  const ledger = `${base}/ledger`;
  return {
    base,
    ledger,
    ledgerTransaction: (txid) => `${ledger}/transactions/${txid}`,
    ledgerAccount: (address) => `${ledger}/accounts/${address}`,
  };
}
