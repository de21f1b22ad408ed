import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ErrorCodes } from '@pishop/shared';
import { errorCode, errorMessage } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { AVATAR_MAX_BYTES, AVATAR_TYPES, downloadCv, removeAvatar, updateMe, uploadAvatar } from '../api/profile';

export function useSaveProfile() {
  const { signedIn } = useSession();
  return useMutation({ mutationFn: updateMe, onSuccess: signedIn });
}

/** Avatar upload with progress; the file is checked here first so a wrong one costs no upload. */
export function useAvatarUpload() {
  const { signedIn } = useSession();
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      if (!AVATAR_TYPES.includes(file.type)) throw new Error('Choose a JPEG, PNG, WebP, GIF or AVIF image.');
      if (file.size > AVATAR_MAX_BYTES) throw new Error(`The image is larger than ${AVATAR_MAX_BYTES / 1024 / 1024} MB.`);
      setProgress(0);
      return uploadAvatar(file, setProgress);
    },
    onSuccess: signedIn,
    onSettled: () => setProgress(null),
  });
  const remove = useMutation({ mutationFn: removeAvatar, onSuccess: signedIn });
  return { upload, remove, progress };
}

export function useCvDownload() {
  const download = useMutation({ mutationFn: downloadCv });
  const error = download.error
    ? errorCode(download.error) === ErrorCodes.CV_NOT_FOUND
      ? 'The studio has not published a CV yet.'
      : errorMessage(download.error)
    : null;
  return { download, error };
}
