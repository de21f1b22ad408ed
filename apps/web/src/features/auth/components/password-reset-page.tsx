import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../lib/api-client';
import { recaptchaToken } from '../../../lib/recaptcha';
import { useAuthConfig } from '../../../lib/auth-config';
import { confirmPasswordReset, requestPasswordReset } from '../api/auth';

/** `/password-reset` asks for the mail; the link in it comes back with `?token=`. */
export function PasswordResetPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const config = useAuthConfig();
  const [value, setValue] = useState('');
  const action = useMutation({
    mutationFn: async () =>
      token
        ? confirmPasswordReset(token, value)
        : requestPasswordReset(value, await recaptchaToken(config.data?.recaptchaSiteKey, 'password_reset')),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate();
  };
  if (action.isSuccess) {
    return <p className="alert alert-success">{token ? 'Your password was changed; you can sign in now.' : 'If an account uses that address, a reset link is on its way.'}</p>;
  }
  return (
    <form className="mx-auto" style={{ maxWidth: 420 }} onSubmit={submit}>
      <h1 className="h3 mb-3">{token ? 'Choose a new password' : 'Reset your password'}</h1>
      {action.error && <div className="alert alert-danger" role="alert">{errorMessage(action.error)}</div>}
      <label className="form-label" htmlFor="value">{token ? 'New password' : 'Email'}</label>
      <input id="value" className="form-control mb-3" type={token ? 'password' : 'email'} value={value} onChange={(e) => setValue(e.target.value)} required />
      <button className="btn btn-primary w-100" disabled={action.isPending}>{token ? 'Change password' : 'Send reset link'}</button>
    </form>
  );
}
