import type { FastifyPluginAsync } from 'fastify';
import { dtoSchema } from '../../lib/validation';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import { AdminUserUpdateDto } from './accounts.admin-dto';
import { lockoutsSpec, usersSpec } from './accounts-admin.service';
import { cvInfoSchema, lockoutSchema, userSchema } from './accounts.schemas';
import { CV_MAX_BYTES, cvNotFound } from './cv.service';
import { enableUploads, readUploadedFile } from './upload';

const security = [{ bearerAuth: [] }];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

/** `/admin/users`, `/admin/login-lockouts` (ra-data-simple-rest) and `/admin/cv`. */
export const accountsAdminRoutes: FastifyPluginAsync = async (app) => {
  await enableUploads(app);
  const { accounts } = app;

  simpleRestRoutes(app, {
    spec: usersSpec,
    guard: app.requireAdmin,
    tag: 'admin: users',
    noun: 'user',
    record: userSchema,
    list: (params) => accounts.admin.listUsers(params),
    get: (id) => accounts.admin.getUser(id),
  });

  app.put<{ Params: { id: number }; Body: AdminUserUpdateDto }>('/users/:id', {
    onRequest: app.requireAdmin,
    schema: {
      tags: ['admin: users'],
      security,
      summary: 'Update a user: role, active flag, display name (other fields are ignored)',
      description: 'Disabling a user ends their sessions at once. An admin cannot demote or disable themself (409).',
      params: idParams,
      body: dtoSchema(AdminUserUpdateDto),
      response: { 200: userSchema },
    },
  }, async (request) => accounts.admin.updateUser(Number(request.viewer!.sub), request.params.id, request.body));

  app.post<{ Params: { id: number } }>('/users/:id/unlock', {
    onRequest: app.requireAdmin,
    schema: {
      tags: ['admin: users'],
      security,
      summary: "Clear every sign-in lockout of this user's username and email (all IPs)",
      params: idParams,
      response: { 200: { type: 'object', properties: { cleared: { type: 'integer' } } } },
    },
  }, async (request) => accounts.admin.unlockUser(request.params.id));

  simpleRestRoutes(app, {
    spec: lockoutsSpec,
    guard: app.requireAdmin,
    tag: 'admin: login lockouts',
    noun: 'login lockout',
    record: lockoutSchema,
    list: (params) => accounts.admin.listLockouts(params),
    get: (id) => accounts.admin.getLockout(id),
    // DELETE /admin/login-lockouts/:id unlocks that login + IP pair.
    remove: (id) => accounts.admin.deleteLockout(id),
  });

  app.post('/cv', {
    onRequest: app.requireAdmin,
    schema: {
      tags: ['admin: cv'],
      security,
      consumes: ['multipart/form-data'],
      summary: `Publish or replace the CV (multipart field "file", a PDF of at most ${CV_MAX_BYTES / 1024 / 1024} MB)`,
      description: 'The type is read from the bytes: 422 INVALID_PDF otherwise. Signed-in users read it at GET /api/v1/cv.',
      response: { 200: cvInfoSchema },
    },
  }, async (request) => accounts.cv.replace(await readUploadedFile(request, CV_MAX_BYTES)));

  app.get('/cv', {
    onRequest: app.requireAdmin,
    schema: { tags: ['admin: cv'], security, summary: 'The published CV: size and upload time (404 CV_NOT_FOUND)', response: { 200: cvInfoSchema } },
  }, async () => {
    const info = await accounts.cv.info();
    if (!info) throw cvNotFound();
    return info;
  });

  app.delete('/cv', {
    onRequest: app.requireAdmin,
    schema: { tags: ['admin: cv'], security, summary: 'Unpublish the CV', response: { 204: { type: 'null' } } },
  }, async (_request, reply) => {
    await accounts.cv.remove();
    return reply.status(204).send();
  });
};
