import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { UserDto } from '@pishop/shared';
import { authenticateWithPi } from '../../../lib/pi-sdk';
import { recaptchaToken } from '../../../lib/recaptcha';
import { login, piLogin, register, useAuthConfig } from '../api/auth';
import { reportIncompletePayment } from '../../payments/api/pi-callbacks';
import { useSession } from './use-session';

/** Where to go after signing in: `?next=` when it is a local path. */
function useAfterSignIn() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signedIn } = useSession();
  return (user: UserDto) => {
    signedIn(user);
    const next = params.get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/orders');
  };
}

export function usePasswordLogin() {
  const config = useAuthConfig();
  const done = useAfterSignIn();
  return useMutation({
    mutationFn: async (v: { login: string; password: string }) =>
      login({ ...v, recaptchaToken: await recaptchaToken(config.data?.recaptchaSiteKey, 'login') }),
    onSuccess: done,
  });
}

export function useRegister() {
  const config = useAuthConfig();
  const done = useAfterSignIn();
  return useMutation({
    mutationFn: async (v: { email: string; username: string; password: string }) =>
      register({ ...v, recaptchaToken: await recaptchaToken(config.data?.recaptchaSiteKey, 'register') }),
    onSuccess: done,
  });
}

export function usePiLogin() {
  const config = useAuthConfig();
  const done = useAfterSignIn();
  return useMutation({
    mutationFn: async () => {
      const settings = { local: !!config.data?.piSandboxLocal, sandbox: !!config.data?.piSandbox };
      const incomplete: Parameters<typeof reportIncompletePayment>[0][] = [];
      const auth = await authenticateWithPi(settings, (payment) => incomplete.push(payment));
      const user = await piLogin(auth.accessToken);
      // A payment left incomplete is reported once we are signed in, so the server can settle it.
      await Promise.all(incomplete.map((p) => reportIncompletePayment(p).catch(() => undefined)));
      return user;
    },
    onSuccess: done,
  });
}
