import type { FastifyReply } from 'fastify';
import type { HorizonProblem } from '@pishop/pi-protocol';
import type { LedgerRefusal, LedgerTransaction } from '../core/ledger';

const TYPE = 'https://stellar.org/horizon-errors';

export const badRequest = (field: string, reason: string): HorizonProblem => ({
  type: `${TYPE}/bad_request`,
  title: 'Bad Request',
  status: 400,
  detail: 'The request you sent was invalid in some way.',
  extras: { invalid_field: field, reason },
});

export const notFoundProblem = (): HorizonProblem => ({
  type: `${TYPE}/not_found`,
  title: 'Resource Missing',
  status: 404,
  detail: 'The resource at the url requested was not found.  This usually occurs for one of two reasons:  The url requested is not valid, or no data in our database could be found with the parameters provided.',
});

/** A submission that never reached the chain (`malformed`, or refused with Stellar's result codes). */
export function refusalProblem(refusal: LedgerRefusal): HorizonProblem {
  if (refusal.kind === 'malformed') {
    return {
      type: `${TYPE}/transaction_malformed`,
      title: 'Transaction Malformed',
      status: 400,
      detail:
        'Horizon could not decode the transaction envelope in this request. A transaction should be an XDR TransactionEnvelope struct encoded using base64.  The envelope read from this request is echoed in the `extras.envelope_xdr` field of this response for your convenience.',
      extras: { envelope_xdr: refusal.envelopeXdr },
    };
  }
  return failed(refusal.envelopeXdr, refusal.resultXdr ?? '', refusal.resultCodes!, refusal.message);
}

/** A transaction the chain recorded as failed: fee charged, sequence used, nothing paid. */
export const failedProblem = (tx: LedgerTransaction): HorizonProblem =>
  failed(tx.envelopeXdr, tx.resultXdr, tx.resultCodes, `The transaction failed: ${tx.resultCodes.operations.join(', ')}`);

function failed(envelopeXdr: string, resultXdr: string, resultCodes: HorizonProblemCodes, reason: string): HorizonProblem {
  return {
    type: `${TYPE}/transaction_failed`,
    title: 'Transaction Failed',
    status: 400,
    detail:
      'The transaction failed when submitted to the stellar network. The `extras.result_codes` field on this response contains further details.  Descriptions of each code can be found at: https://developers.stellar.org/api/errors/http-status-codes/horizon-specific/transaction-failed/',
    // pi_sandbox_reason is the sandbox's own: why, in words.
    extras: { envelope_xdr: envelopeXdr, result_codes: resultCodes, result_xdr: resultXdr, pi_sandbox_reason: reason },
  };
}

type HorizonProblemCodes = NonNullable<NonNullable<HorizonProblem['extras']>['result_codes']>;

// Horizon answers errors as RFC 7807 problem documents.
export const sendProblem = (reply: FastifyReply, body: HorizonProblem) =>
  reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
