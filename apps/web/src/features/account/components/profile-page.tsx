import { useState, type FormEvent } from 'react';
import { AVATAR_CHOICES, type AvatarChoice } from '@pishop/shared';
import { errorMessage, fieldErrors } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { AVATAR_TYPES } from '../api/profile';
import { useAvatarUpload, useCvDownload, useSaveProfile } from '../hooks/use-profile';

function AvatarUpload() {
  const { user } = useSession();
  const { upload, remove, progress } = useAvatarUpload();
  if (!user) return null;
  return (
    <div className="mb-3">
      <label className="form-label" htmlFor="avatar-file">Upload a photo</label>
      <input
        id="avatar-file"
        type="file"
        className="form-control"
        accept={AVATAR_TYPES.join(',')}
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
          e.target.value = '';
        }}
      />
      {progress !== null && (
        <div className="progress mt-2" role="progressbar" aria-label="Avatar upload" aria-valuenow={Math.round(progress * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div className="progress-bar" style={{ width: `${Math.round(progress * 100)}%` }}>{Math.round(progress * 100)}%</div>
        </div>
      )}
      {upload.error && <div className="text-danger small mt-1" role="alert">{errorMessage(upload.error)}</div>}
      {upload.isSuccess && <div className="text-success small mt-1" role="status">Photo uploaded.</div>}
      {user.hasUploadedAvatar && (
        <button type="button" className="btn btn-link px-0" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Remove the photo (use a preset)
        </button>
      )}
    </div>
  );
}

function CvDownload() {
  const { download, error } = useCvDownload();
  return (
    <section className="mt-4 pt-3 border-top" aria-labelledby="cv-heading">
      <h2 id="cv-heading" className="h5">The studio’s CV</h2>
      <button type="button" className="btn btn-outline-primary" disabled={download.isPending} onClick={() => download.mutate()}>
        Download the CV (PDF)
      </button>
      {error && <p className="text-danger small mt-1" role="alert">{error}</p>}
    </section>
  );
}

export function ProfilePage() {
  const { user } = useSession();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [avatarChoice, setAvatarChoice] = useState<AvatarChoice | null>(user?.avatarChoice ?? null);
  const save = useSaveProfile();
  if (!user) return null;
  const fields = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ displayName, avatarChoice });
  };
  return (
    <div className="mx-auto" style={{ maxWidth: 520 }}>
      <form onSubmit={submit}>
        <h1 className="h3 mb-3">Your profile</h1>
        <div className="d-flex align-items-center mb-3 gap-3">
          <img src={user.avatarUrl} alt="Your avatar" width={64} height={64} className="rounded-circle flex-none" />
          <div className="min-w-0">
            <div className="fw-bold">{user.username}</div>
            <div className="text-body-secondary small text-break">{user.email ?? `Pi: ${user.piUsername}`}</div>
          </div>
        </div>
        {save.error && <div className="alert alert-danger" role="alert">{errorMessage(save.error)}</div>}
        {save.isSuccess && <div className="alert alert-success" role="status">Saved.</div>}
        <label className="form-label" htmlFor="displayName">Display name</label>
        <input id="displayName" className={`form-control mb-3 ${fields.displayName ? 'is-invalid' : ''}`} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <fieldset className="mb-3">
          <legend className="form-label fs-6">Avatar preset</legend>
          <div className="d-flex flex-wrap gap-2">
            {AVATAR_CHOICES.map((choice) => (
              <label key={choice} className={`border rounded p-1 avatar-choice ${avatarChoice === choice ? 'border-primary border-2' : ''}`}>
                <input type="radio" name="avatar" className="visually-hidden" checked={avatarChoice === choice} onChange={() => setAvatarChoice(choice)} />
                <img src={`/api/v1/avatars/presets/${choice}.svg`} alt={choice} width={40} height={40} />
              </label>
            ))}
          </div>
        </fieldset>
        <AvatarUpload />
        <button className="btn btn-primary" disabled={save.isPending}>Save</button>
      </form>
      <CvDownload />
    </div>
  );
}
