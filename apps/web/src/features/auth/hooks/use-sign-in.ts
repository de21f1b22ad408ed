import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { UserDto } from '@pishop/shared';
import { authenticateWithPi } from '../../../lib/pi-sdk';
import { recaptchaToken } from '../../../lib/recaptcha';
import { useAuthConfig } from '../../../lib/auth-config';
import { settleIncompletePayments } from '../../../lib/payments/pi-callbacks';
import { useSession } from '../../../lib/session';
import { login, piLogin, register } from '../api/auth';

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
      const auth = await authenticateWithPi(settings);
      const user = await piLogin(auth.accessToken);
      // A payment left incomplete is settled once we are signed in; a failure here must not block the sign-in.
      await settleIncompletePayments(auth.incomplete).catch(() => undefined);
      return user;
    },
    onSuccess: done,
  });
}
