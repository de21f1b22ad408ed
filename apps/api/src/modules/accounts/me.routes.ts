import fs from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { ErrorCodes, type UserDto } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { dtoSchema } from '../../lib/validation';
import { UpdateMeDto } from './accounts.dto';
import { userSchema } from './accounts.schemas';
import { AVATAR_MAX_BYTES } from './avatar.service';
import { isAvatarChoice, presetSvg } from './avatar-presets';
import { CV_MAX_BYTES } from './cv.service';
import { enableUploads, readUploadedFile } from './upload';

const security = [{ bearerAuth: [] }];
const fileParams = { type: 'object', required: ['file'], properties: { file: { type: 'string', maxLength: 64 } } } as const;
const notFound = () => new AppError(ErrorCodes.NOT_FOUND, 'Avatar not found');

/** The signed-in user's profile, avatars (uploaded and presets), and the CV download. */
export const meRoutes: FastifyPluginAsync = async (app) => {
  await enableUploads(app);
  const { accounts } = app;
  const viewerId = (sub: string | undefined) => Number(sub);

  app.get('/me', {
    onRequest: app.requireUser,
    schema: { tags: ['me'], security, summary: 'The signed-in user', response: { 200: userSchema } },
  }, async (request, reply): Promise<UserDto> => {
    reply.header('Cache-Control', 'private, no-store');
    return accounts.users.toDto(await accounts.users.getById(viewerId(request.viewer?.sub)));
  });

  app.patch<{ Body: UpdateMeDto }>('/me', {
    onRequest: app.requireUser,
    schema: {
      tags: ['me'],
      security,
      summary: 'Change the display name or the preset avatar (null resets either)',
      body: dtoSchema(UpdateMeDto),
      response: { 200: userSchema },
    },
  }, async (request) => {
    const user = await accounts.users.updateProfile(viewerId(request.viewer?.sub), {
      displayName: request.body.displayName,
      avatarChoice: request.body.avatarChoice,
    });
    return accounts.users.toDto(user);
  });

  app.post('/me/avatar', {
    onRequest: app.requireUser,
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['me'],
      security,
      consumes: ['multipart/form-data'],
      summary: `Upload an avatar (multipart field "file"; JPEG, PNG, WebP, GIF or AVIF; at most ${AVATAR_MAX_BYTES / 1024 / 1024} MB)`,
      description: 'The type is read from the bytes; the image is re-encoded to a 256 px WebP. 422 INVALID_IMAGE, 413 when too large.',
      response: { 200: userSchema },
    },
  }, async (request) => {
    const bytes = await readUploadedFile(request, AVATAR_MAX_BYTES);
    return accounts.users.toDto(await accounts.avatars.upload(viewerId(request.viewer?.sub), bytes));
  });

  app.delete('/me/avatar', {
    onRequest: app.requireUser,
    schema: { tags: ['me'], security, summary: 'Remove the uploaded avatar (the preset shows again)', response: { 200: userSchema } },
  }, async (request) => accounts.users.toDto(await accounts.avatars.remove(viewerId(request.viewer?.sub))));

  app.get<{ Params: { file: string } }>('/avatars/presets/:file', {
    schema: { tags: ['me'], summary: 'A preset avatar (`<choice>.svg`)', params: fileParams },
  }, async (request, reply) => {
    const choice = request.params.file.replace(/\.svg$/, '');
    if (!request.params.file.endsWith('.svg') || !isAvatarChoice(choice)) throw notFound();
    return reply
      .type('image/svg+xml')
      .header('Cache-Control', 'public, max-age=86400')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(presetSvg(choice));
  });

  app.get<{ Params: { file: string } }>('/avatars/:file', {
    schema: { tags: ['me'], summary: 'An uploaded avatar (random name, never changes)', params: fileParams },
  }, async (request, reply) => {
    const file = await accounts.avatars.fileFor(request.params.file);
    if (!file) throw notFound();
    return reply
      .type('image/webp')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('X-Content-Type-Options', 'nosniff')
      .send(fs.createReadStream(file));
  });

  app.get('/cv', {
    onRequest: app.requireUser,
    schema: {
      tags: ['me'],
      security,
      summary: "The seller's CV (PDF), for signed-in users only",
      description: `404 CV_NOT_FOUND until an admin uploads one (at most ${CV_MAX_BYTES / 1024 / 1024} MB).`,
      produces: ['application/pdf'],
    },
  }, async (_request, reply) => {
    const { stream, info } = await accounts.cv.open();
    return reply
      .type('application/pdf')
      .header('Content-Length', String(info.size))
      .header('Content-Disposition', 'inline; filename="cv.pdf"')
      .header('Cache-Control', 'private, no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(stream);
  });
};
