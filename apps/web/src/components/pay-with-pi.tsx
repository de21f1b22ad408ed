import { Link, useLocation } from 'react-router-dom';
import { useAuthConfig } from '../lib/auth-config';
import { usePayWithPi, type PayStep, type PayTarget } from '../lib/payments/use-pay-with-pi';
import { useSession } from '../lib/session';

const stepText: Record<PayStep, string> = {
  idle: '',
  connecting: 'Connecting to Pi…',
  settling: 'Settling an earlier payment with Pi first…',
  approving: 'Waiting for the server to approve the payment…',
  'in-wallet': 'Confirm the payment in your Pi wallet…',
  completing: 'Confirming the transaction…',
  paid: 'Payment confirmed. Thank you!',
  cancelled: 'The payment was cancelled; nothing was charged. You can pay again.',
  error: '',
  'no-pi': '',
};

/** Outside Pi Browser the SDK never answers: say how to go on. */
function OpenInPiBrowser({ message, localSandbox }: { message?: string; localSandbox: boolean }) {
  const here = typeof window === 'undefined' ? '' : window.location.href;
  return (
    <div className="alert alert-warning mt-2 mb-0" role="alert">
      <p className="mb-1">{message}</p>
      {localSandbox ? (
        <p className="mb-0">The local Pi sandbox did not answer. Reload the page and try again.</p>
      ) : (
        <>
          <p className="mb-1">
            Open this page in <strong>Pi Browser</strong> (in the Pi Network app) to pay:
          </p>
          <code className="d-block text-break mb-1">{here}</code>
          <p className="mb-0 small">
            Just trying the shop? Run it with the local Pi sandbox (<code>PI_SANDBOX_LOCAL=true</code>) and “Pay with Pi” works in
            any browser, with no Pi account.
          </p>
        </>
      )}
    </div>
  );
}

/** The buy button: a service (checkout) or a pending order ("Pay now"). */
export function PayWithPi({ target, label = 'Pay with Pi' }: { target: PayTarget; label?: string }) {
  const { user, ready } = useSession();
  const config = useAuthConfig();
  const location = useLocation();
  const sdk = config.data ? { local: config.data.piSandboxLocal, sandbox: config.data.piSandbox } : undefined;
  const { state, pay, busy } = usePayWithPi(target, sdk);
  const isOrderPage = 'orderNumber' in target;

  if (!ready) return null;
  if (!user) {
    return (
      <Link className="btn btn-primary btn-lg w-100" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
        Sign in to buy
      </Link>
    );
  }
  return (
    <div>
      <button className="btn btn-primary btn-lg w-100" onClick={() => void pay()} disabled={busy || !sdk || state.step === 'paid'}>
        {label}
      </button>
      <p className="mt-2 mb-0" role="status">
        {state.step === 'error' ? <span className="text-danger">{state.error}</span> : stepText[state.step]}
      </p>
      {state.step === 'no-pi' && <OpenInPiBrowser message={state.error} localSandbox={!!sdk?.local} />}
      {state.orderNumber && !isOrderPage && (
        <Link to={`/orders/${state.orderNumber}`} className="d-inline-block mt-1 py-2">
          Order {state.orderNumber}
        </Link>
      )}
    </div>
  );
}
