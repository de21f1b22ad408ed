import { useState } from 'react';
import type { OrderView } from '@pishop/shared';
import { PayWithPi } from '../../../components/pay-with-pi';
import { payErrorMessage } from '../../../lib/payments/pay-errors';
import { useCancelOrder } from '../api/orders';

/** A pending order can be paid again (a new Pi payment on the same snapshot) or cancelled. */
export function OrderActions({ order }: { order: OrderView }) {
  const cancel = useCancelOrder(order.number);
  const [confirming, setConfirming] = useState(false);
  if (order.status !== 'pending') return null;
  return (
    <section aria-label="Pay or cancel this order" className="card my-3">
      <div className="card-body">
        <p className="mb-2">This order is waiting for payment.</p>
        <div className="row g-2">
          <div className="col-sm-6">
            <PayWithPi target={{ orderNumber: order.number }} label="Pay now" />
          </div>
          <div className="col-sm-6">
            {confirming ? (
              <div className="d-flex gap-2">
                <button className="btn btn-danger btn-lg flex-fill" disabled={cancel.isPending} onClick={() => cancel.mutate(undefined)}>
                  Yes, cancel order
                </button>
                <button className="btn btn-outline-secondary btn-lg" onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </div>
            ) : (
              <button className="btn btn-outline-danger btn-lg w-100" onClick={() => setConfirming(true)}>
                Cancel order
              </button>
            )}
          </div>
        </div>
        {cancel.error && (
          <div className="alert alert-danger mt-2 mb-0" role="alert">
            {payErrorMessage(cancel.error)}
          </div>
        )}
      </div>
    </section>
  );
}
