import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { AVATAR_CHOICES } from '@pishop/shared';
import { User } from '../../src/modules/accounts/user.entity';
import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { buildAccountsApp, multipart } from './helpers';

describe('GET/PATCH /me and avatars', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp();
  });
  afterAll(() => t.close());

  const png = (w = 400, h = 300) => sharp({ create: { width: w, height: h, channels: 3, background: '#3366cc' } }).png().toBuffer();
  const upload = (token: string, body: ReturnType<typeof multipart>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/me/avatar', headers: { ...bearer(token), ...body.headers }, payload: body.payload });
  const avatarFiles = () => {
    const dir = path.join(t.config.mediaRoot, 'avatars');
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  };

  it('GET /me needs a token (401) and shows the signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const { user, token } = await createUser(t, { displayName: 'Zoë' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, username: user.username, displayName: 'Zoë', hasUploadedAvatar: false });
    expect(res.json()).not.toHaveProperty('passwordHash');
  });

  it('PATCH /me changes the display name and the preset avatar; null resets them', async () => {
    const { user, token } = await createUser(t);
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(token), payload });
    const res = await patch({ displayName: '  Ana the Baker ', avatarChoice: 'ocean' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Ana the Baker', avatarChoice: 'ocean', avatarUrl: '/api/v1/avatars/presets/ocean.svg' });
    // Fields not sent stay as they are; unknown fields are ignored.
    const partial = await patch({ avatarChoice: 'ember', role: 'admin', email: 'x@evil.test' });
    expect(partial.json()).toMatchObject({ displayName: 'Ana the Baker', avatarChoice: 'ember', role: 'customer', email: user.email });
    const reset = await patch({ displayName: null, avatarChoice: null });
    expect(reset.json()).toMatchObject({ displayName: user.username, avatarChoice: null });
  });

  it.each([
    [{ avatarChoice: 'dragon' }, 'avatarChoice'],
    [{ displayName: 'x'.repeat(61) }, 'displayName'],
    [{ displayName: '   ' }, 'displayName'],
    [{ displayName: 42 }, 'displayName'],
  ])('PATCH /me refuses %j with 400 and changes nothing', async (payload, field) => {
    const { user, token } = await createUser(t, { displayName: 'Kept' });
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(token), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toHaveProperty(field);
    const stored = await t.ds.getRepository(User).findOneByOrFail({ id: user.id });
    expect(stored.displayName).toBe('Kept');
    expect(stored.avatarChoice).toBeNull();
  });

  it('serves every preset as SVG and 404s unknown ones', async () => {
    for (const choice of AVATAR_CHOICES) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/avatars/presets/${choice}.svg` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(res.body).toContain('<svg');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/avatars/presets/dragon.svg' })).statusCode).toBe(404);
  });

  it('uploads an avatar: re-encoded to a 256 px WebP under a random name, served at avatarUrl', async () => {
    const { token } = await createUser(t);
    const res = await upload(token, multipart({ name: 'me.png', type: 'image/png', data: await png() }));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.hasUploadedAvatar).toBe(true);
    expect(body.avatarUrl).toMatch(/^\/api\/v1\/avatars\/[a-f0-9]{32}\.webp$/);
    const image = await t.app.inject({ method: 'GET', url: body.avatarUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    const meta = await sharp(image.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });

    // A second upload replaces the file; the old one is removed.
    const again = await upload(token, multipart({ name: 'me2.png', type: 'image/png', data: await png(300, 300) }));
    expect(again.json().avatarUrl).not.toBe(body.avatarUrl);
    expect((await t.app.inject({ method: 'GET', url: body.avatarUrl })).statusCode).toBe(404);

    // DELETE /me/avatar goes back to the preset.
    const removed = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/avatar', headers: bearer(token) });
    expect(removed.json()).toMatchObject({ hasUploadedAvatar: false });
    expect(removed.json().avatarUrl).toMatch(/presets/);
    expect((await t.app.inject({ method: 'GET', url: again.json().avatarUrl })).statusCode).toBe(404);
  });

  describe('refuses bad avatar uploads with a clear 4xx and keeps nothing', () => {
    let token: string;
    let userId: number;
    beforeAll(async () => {
      ({ token, user: { id: userId } } = await createUser(t));
    });
    const unchanged = async () => {
      expect((await t.ds.getRepository(User).findOneByOrFail({ id: userId })).avatar).toBeNull();
    };

    it.each([
      ['a text file named .png', { name: 'x.png', type: 'image/png', data: Buffer.from('hello, I am not an image at all') }, 422, 'INVALID_IMAGE'],
      ['an empty file', { name: 'x.png', type: 'image/png', data: Buffer.alloc(0) }, 422, 'INVALID_IMAGE'],
      ['an executable named .jpg', { name: 'x.jpg', type: 'image/jpeg', data: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]) }, 422, 'INVALID_IMAGE'],
      ['a PDF', { name: 'x.png', type: 'image/png', data: Buffer.from('%PDF-1.4\n%%EOF\n') }, 422, 'INVALID_IMAGE'],
      ['a PNG header with broken data', { name: 'x.png', type: 'image/png', data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR garbage garbage garbage')]) }, 422, 'INVALID_IMAGE'],
      ['a file over 5 MB', { name: 'big.png', type: 'image/png', data: Buffer.alloc(5 * 1024 * 1024 + 1, 1) }, 413, 'PAYLOAD_TOO_LARGE'],
    ])('%s', async (_name, file, status, code) => {
      const files = avatarFiles().length;
      const res = await upload(token, multipart(file));
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
      await unchanged();
      expect(avatarFiles().length).toBe(files);
    });

    it('no file field', async () => {
      const res = await upload(token, multipart({ field: 'picture', name: 'x.png', type: 'image/png', data: await png() }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('FILE_MISSING');
      await unchanged();
    });

    it('not multipart', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/avatar', headers: bearer(token), payload: { file: 'x' } });
      expect(res.statusCode).toBe(415);
      await unchanged();
    });

    it('anonymous', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/avatar', ...multipart({ name: 'x.png', type: 'image/png', data: await png() }) });
      expect(res.statusCode).toBe(401);
    });
  });

  it('answers 404 for avatar names that are not ours (no path tricks)', async () => {
    for (const url of ['/api/v1/avatars/..%2F..%2Fetc%2Fpasswd', '/api/v1/avatars/abc.webp', '/api/v1/avatars/' + 'a'.repeat(32) + '.webp']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });
});
