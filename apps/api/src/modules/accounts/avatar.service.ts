import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { AccountErrorCodes as C } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import type { UsersService } from './users.service';
import type { User } from './user.entity';
import { AVATARS_DIR, AVATAR_FILE } from './avatar-urls';

export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
const AVATAR_SIZE = 256;
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

/**
 * Uploaded avatars: the type is read from the bytes, the image is re-encoded (which drops
 * metadata and anything hidden in it) to a 256 px WebP under MEDIA_ROOT/avatars with a
 * random name. Self-contained until the media module offers shared storage.
 */
export class AvatarService {
  private readonly dir: string;

  constructor(
    private readonly users: UsersService,
    mediaRoot: string,
  ) {
    this.dir = path.join(mediaRoot, AVATARS_DIR);
  }

  async upload(userId: number, bytes: Buffer): Promise<User> {
    const type = bytes.length > 0 ? await fileTypeFromBuffer(bytes) : undefined;
    if (!type || !ACCEPTED.has(type.mime)) {
      throw new AppError(C.INVALID_IMAGE, 'The avatar must be a JPEG, PNG, WebP, GIF or AVIF image', {
        fields: { file: 'is not a supported image' },
      });
    }
    let webp: Buffer;
    try {
      webp = await sharp(bytes, { limitInputPixels: 50_000_000, animated: false })
        .rotate()
        .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
        .webp({ quality: 85 })
        .toBuffer();
    } catch {
      throw new AppError(C.INVALID_IMAGE, 'The image could not be read; it may be damaged', {
        fields: { file: 'could not be decoded' },
      });
    }
    const name = `${randomBytes(16).toString('hex')}.webp`;
    await fs.mkdir(this.dir, { recursive: true });
    await fs.writeFile(path.join(this.dir, name), webp);
    const user = await this.users.getById(userId);
    const previous = user.avatar;
    user.avatar = `${AVATARS_DIR}/${name}`;
    const saved = await this.users.save(user);
    if (previous) await this.removeFile(previous);
    return saved;
  }

  async remove(userId: number): Promise<User> {
    const user = await this.users.getById(userId);
    const previous = user.avatar;
    user.avatar = null;
    const saved = await this.users.save(user);
    if (previous) await this.removeFile(previous);
    return saved;
  }

  /** The file behind `/avatars/:name`, or undefined for a bad or unknown name. */
  async fileFor(name: string): Promise<string | undefined> {
    if (!AVATAR_FILE.test(name)) return undefined;
    const file = path.join(this.dir, name);
    try {
      await fs.access(file);
      return file;
    } catch {
      return undefined;
    }
  }

  private async removeFile(relative: string): Promise<void> {
    const name = relative.slice(AVATARS_DIR.length + 1);
    if (AVATAR_FILE.test(name)) await fs.rm(path.join(this.dir, name), { force: true });
  }
}
