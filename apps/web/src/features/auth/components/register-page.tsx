import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../../../lib/api-client';
import { useRegister } from '../hooks/use-sign-in';

export function RegisterPage() {
  const registration = useRegister();
  const [form, setForm] = useState({ email: '', username: '', password: '' });
  const fields = fieldErrors(registration.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    registration.mutate(form);
  };
  return (
    <form className="mx-auto" style={{ maxWidth: 420 }} onSubmit={submit} noValidate>
      <h1 className="h3 mb-3">Create an account</h1>
      {registration.error && <div className="alert alert-danger" role="alert">{errorMessage(registration.error)}</div>}
      {(['email', 'username', 'password'] as const).map((k) => (
        <div className="mb-3" key={k}>
          <label className="form-label text-capitalize" htmlFor={k}>{k}</label>
          <input
            id={k}
            type={k === 'password' ? 'password' : k === 'email' ? 'email' : 'text'}
            className={`form-control ${fields[k] ? 'is-invalid' : ''}`}
            value={form[k]}
            onChange={set(k)}
            autoComplete={k === 'password' ? 'new-password' : k}
          />
          {fields[k] && <div className="invalid-feedback">{fields[k]}</div>}
        </div>
      ))}
      <button className="btn btn-primary w-100" disabled={registration.isPending}>Create account</button>
    </form>
  );
}
