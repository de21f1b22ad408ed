import { Link, useLocation } from 'react-router-dom';
import { useAuthConfig } from '../../auth/api/auth';
import { useSession } from '../../auth/hooks/use-session';
import { usePayWithPi, type PayStep } from '../hooks/use-pay-with-pi';

const stepText: Record<PayStep, string> = {
  idle: '',
  connecting: 'Connecting to Pi…',
  approving: 'Waiting for the server to approve the payment…',
  'in-wallet': 'Confirm the payment in your Pi wallet…',
  completing: 'Confirming the transaction…',
  paid: 'Payment confirmed. Thank you!',
  cancelled: 'The payment was cancelled; nothing was charged.',
  error: '',
};

export function PayWithPi({ serviceSlug }: { serviceSlug: string }) {
  const { user, ready } = useSession();
  const config = useAuthConfig();
  const location = useLocation();
  const sdk = config.data ? { local: config.data.piSandboxLocal, sandbox: config.data.piSandbox } : undefined;
  const { state, pay, busy } = usePayWithPi(serviceSlug, sdk);

  if (!ready) return null;
  if (!user) {
    return (
      <Link className="btn btn-primary w-100" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
        Sign in to buy
      </Link>
    );
  }
  return (
    <div>
      <button className="btn btn-primary w-100" onClick={() => void pay()} disabled={busy || !sdk || state.step === 'paid'}>
        Pay with Pi
      </button>
      <p className="mt-2 mb-0" role="status">
        {state.step === 'error' ? <span className="text-danger">{state.error}</span> : stepText[state.step]}
      </p>
      {state.orderNumber && (
        <Link to={`/orders/${state.orderNumber}`} className="d-block mt-1">
          Order {state.orderNumber}
        </Link>
      )}
    </div>
  );
}
