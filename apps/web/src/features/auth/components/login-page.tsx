import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../lib/api-client';
import { useAuthConfig } from '../../../lib/auth-config';
import { usePasswordLogin, usePiLogin } from '../hooks/use-sign-in';

export function LoginPage() {
  const config = useAuthConfig();
  const passwordLogin = usePasswordLogin();
  const piLogin = usePiLogin();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    passwordLogin.mutate({ login, password });
  };
  const error = passwordLogin.error ?? piLogin.error;
  return (
    <div className="mx-auto" style={{ maxWidth: 420 }}>
      <h1 className="h3 mb-3">Sign in</h1>
      {error && <div className="alert alert-danger" role="alert">{errorMessage(error)}</div>}
      {config.data?.piLogin && (
        <button className="btn btn-warning w-100 mb-3" onClick={() => piLogin.mutate()} disabled={piLogin.isPending}>
          Sign in with Pi
        </button>
      )}
      {config.data?.passwordLogin && (
        <form onSubmit={submit} noValidate>
          <div className="mb-3">
            <label className="form-label" htmlFor="login">Email or username</label>
            <input id="login" className="form-control" value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" required />
          </div>
          <div className="mb-3">
            <label className="form-label" htmlFor="password">Password</label>
            <input id="password" type="password" className="form-control" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
          </div>
          <button className="btn btn-primary w-100" disabled={passwordLogin.isPending}>Sign in</button>
          <p className="mt-3 small">
            <Link to="/password-reset">Forgot your password?</Link>
            {config.data.registration && (
              <>
                {' · '}
                <Link to="/register">Create an account</Link>
              </>
            )}
          </p>
        </form>
      )}
    </div>
  );
}
