import { API_PREFIX, AVATAR_CHOICES } from '@pishop/shared';
import type { User } from './user.entity';

export const AVATARS_DIR = 'avatars';
export const AVATAR_FILE = /^[a-f0-9]{32}\.webp$/;

/** Uploaded avatar, else the chosen preset, else a preset picked from the id: never empty. */
export function avatarUrlOf(user: Pick<User, 'id' | 'avatar' | 'avatarChoice'>): string {
  if (user.avatar) return `${API_PREFIX}/avatars/${user.avatar.slice(AVATARS_DIR.length + 1)}`;
  const preset = user.avatarChoice ?? AVATAR_CHOICES[user.id % AVATAR_CHOICES.length];
  return `${API_PREFIX}/avatars/presets/${preset}.svg`;
}
