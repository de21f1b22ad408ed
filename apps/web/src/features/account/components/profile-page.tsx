import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { AVATAR_CHOICES, type AvatarChoice } from '@pishop/shared';
import { errorMessage, fieldErrors } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { updateMe } from '../api/profile';

export function ProfilePage() {
  const { user, signedIn } = useSession();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [avatarChoice, setAvatarChoice] = useState<AvatarChoice | null>(user?.avatarChoice ?? null);
  const save = useMutation({ mutationFn: () => updateMe({ displayName, avatarChoice }), onSuccess: signedIn });
  if (!user) return null;
  const fields = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="mx-auto" style={{ maxWidth: 480 }} onSubmit={submit}>
      <h1 className="h3 mb-3">Your profile</h1>
      <div className="d-flex align-items-center mb-3">
        <img src={user.avatarUrl} alt="" width={64} height={64} className="rounded-circle me-3" />
        <div>
          <div className="fw-bold">{user.username}</div>
          <div className="text-muted small">{user.email ?? `Pi: ${user.piUsername}`}</div>
        </div>
      </div>
      {save.error && <div className="alert alert-danger" role="alert">{errorMessage(save.error)}</div>}
      {save.isSuccess && <div className="alert alert-success" role="status">Saved.</div>}
      <label className="form-label" htmlFor="displayName">Display name</label>
      <input id="displayName" className={`form-control mb-3 ${fields.displayName ? 'is-invalid' : ''}`} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      <fieldset className="mb-3">
        <legend className="form-label fs-6">Avatar</legend>
        <div className="d-flex flex-wrap gap-2">
          {AVATAR_CHOICES.map((choice) => (
            <label key={choice} className={`border rounded p-1 ${avatarChoice === choice ? 'border-primary border-2' : ''}`}>
              <input type="radio" name="avatar" className="visually-hidden" checked={avatarChoice === choice} onChange={() => setAvatarChoice(choice)} />
              <img src={`/api/v1/avatars/presets/${choice}.svg`} alt={choice} width={40} height={40} />
            </label>
          ))}
        </div>
      </fieldset>
      <button className="btn btn-primary" disabled={save.isPending}>Save</button>
    </form>
  );
}
