import fs from 'node:fs';
import path from 'node:path';
import { bearer } from '../support/app';
import { createUser, type CreatedUser } from '../support/users';
import { buildAccountsApp, multipart, tinyPdf } from './helpers';

describe("the seller's CV", () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  let admin: CreatedUser;
  let customer: CreatedUser;
  beforeAll(async () => {
    t = await buildAccountsApp();
    admin = await createUser(t, { role: 'admin' });
    customer = await createUser(t);
  });
  afterAll(() => t.close());

  const uploadCv = (token: string, file: Parameters<typeof multipart>[0]) => {
    const body = multipart(file);
    return t.app.inject({ method: 'POST', url: '/api/v1/admin/cv', headers: { ...bearer(token), ...body.headers }, payload: body.payload });
  };
  const readCv = (token?: string) => t.app.inject({ method: 'GET', url: '/api/v1/cv', headers: token ? bearer(token) : {} });

  it('is 404 CV_NOT_FOUND for a signed-in user before an admin uploads one, and 401 for anonymous', async () => {
    expect((await readCv()).statusCode).toBe(401);
    const res = await readCv(customer.token);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('CV_NOT_FOUND');
  });

  it('an admin uploads a PDF; signed-in users download it; anonymous callers get 401', async () => {
    const pdf = tinyPdf('version one');
    const up = await uploadCv(admin.token, { name: 'cv.pdf', type: 'application/pdf', data: pdf });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toEqual({ size: pdf.length, uploadedAt: expect.any(String) });

    const res = await readCv(customer.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect((await readCv()).statusCode).toBe(401);

    const info = await t.app.inject({ method: 'GET', url: '/api/v1/admin/cv', headers: bearer(admin.token) });
    expect(info.json().size).toBe(pdf.length);
  });

  it('is stored outside the public media folder', async () => {
    const stored = path.join(t.config.privateRoot, 'cv', 'cv.pdf');
    expect(fs.existsSync(stored)).toBe(true);
    expect(path.relative(t.config.mediaRoot, stored).startsWith('..')).toBe(true);
  });

  it('refuses customers (403) and anonymous callers (401) as uploaders, keeping the current CV', async () => {
    const before = (await readCv(customer.token)).rawPayload;
    const fake = tinyPdf('forged');
    expect((await uploadCv(customer.token, { name: 'cv.pdf', type: 'application/pdf', data: fake })).statusCode).toBe(403);
    const anon = multipart({ name: 'cv.pdf', type: 'application/pdf', data: fake });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/cv', headers: anon.headers, payload: anon.payload })).statusCode).toBe(401);
    expect((await readCv(customer.token)).rawPayload.equals(before)).toBe(true);
  });

  it.each([
    ['a text file named .pdf', Buffer.from('this is not a pdf, just words'), 422, 'INVALID_PDF'],
    ['a PNG named .pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 422, 'INVALID_PDF'],
    ['an empty file', Buffer.alloc(0), 422, 'INVALID_PDF'],
    ['a file over 20 MB', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024)]), 413, 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s with a clear 4xx and keeps the current CV', async (_name, data, status, code) => {
    const before = (await readCv(customer.token)).rawPayload;
    const res = await uploadCv(admin.token, { name: 'cv.pdf', type: 'application/pdf', data });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect((await readCv(customer.token)).rawPayload.equals(before)).toBe(true);
    expect(fs.readdirSync(path.join(t.config.privateRoot, 'cv'))).toEqual(['cv.pdf']);
  });

  it('replaces the CV with a new upload, and DELETE /admin/cv unpublishes it', async () => {
    const v2 = tinyPdf('version two');
    expect((await uploadCv(admin.token, { name: 'new.pdf', type: 'application/pdf', data: v2 })).statusCode).toBe(200);
    expect((await readCv(customer.token)).rawPayload.equals(v2)).toBe(true);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/admin/cv', headers: bearer(admin.token) })).statusCode).toBe(204);
    expect((await readCv(customer.token)).statusCode).toBe(404);
  });
});
