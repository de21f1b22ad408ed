import type { UpdateMeRequest, UserDto } from '@pishop/shared';
import { api } from '../../../lib/api-client';

/** What the API takes as an avatar (it re-encodes to WebP). */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

export const updateMe = async (body: UpdateMeRequest) => (await api.patch<UserDto>('/me', body)).data;

/** Uploads an avatar; `onProgress` gets 0..1 as the bytes leave the browser. */
export async function uploadAvatar(file: File, onProgress: (fraction: number) => void): Promise<UserDto> {
  const form = new FormData();
  form.append('file', file);
  const { data } = await api.post<UserDto>('/me/avatar', form, {
    onUploadProgress: (e) => e.total && onProgress(e.loaded / e.total),
  });
  onProgress(1);
  return data;
}

export const removeAvatar = async () => (await api.delete<UserDto>('/me/avatar')).data;

/** The studio's CV (signed-in users only): fetched with the session, handed over as a file. */
export async function downloadCv(): Promise<void> {
  const { data } = await api.get<Blob>('/cv', { responseType: 'blob' });
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'studio-cv.pdf';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
