import { IsEmail, IsInt, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { AppError } from '../../src/lib/app-error';
import { dtoSchema } from '../../src/lib/validation';
import { createTestDatabase } from '../support/database';
import { TEST_ENV } from '../support/app';

class ProbeDto {
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  quantity!: number;
}

describe('errors and validation', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let cleanup: () => Promise<void>;
  const received: unknown[] = [];

  beforeAll(async () => {
    const db = await createTestDatabase();
    cleanup = db.cleanup;
    app = await buildApp(loadConfig(TEST_ENV), { dataSource: db.ds, logger: false });
    await app.register(async (scope) => {
      scope.post('/api/v1/probe', { schema: { body: dtoSchema(ProbeDto) } }, async (req) => {
        received.push(req.body);
        return { ok: true, body: req.body };
      });
      scope.get('/api/v1/probe/boom', async () => {
        throw new Error('secret internals at /srv/app.ts:12');
      });
      scope.get('/api/v1/probe/conflict', async () => {
        throw new AppError('SLUG_TAKEN', 'That slug is already used', { slug: 'x' });
      });
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  it('answers 400 with the failing fields for an invalid body, and the handler never runs', async () => {
    received.length = 0;
    const res = await app.inject({ method: 'POST', url: '/api/v1/probe', payload: { email: 'nope', quantity: 0 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.error.details.fields).sort()).toEqual(['email', 'quantity']);
    expect(body.errors.email).toBe('must be an email address');
    expect(received).toHaveLength(0);
  });

  it('passes a valid body as a DTO instance without unknown fields', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/probe', payload: { email: 'a@b.co', quantity: '2', role: 'admin' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().body).toEqual({ email: 'a@b.co', quantity: 2 });
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/probe', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });

  it('answers a JSON 404 for an unknown route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nothing-here' } });
  });

  it('maps coded errors to their status with details', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/probe/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'SLUG_TAKEN', message: 'That slug is already used', details: { slug: 'x' } } });
  });

  it('hides internals of unexpected errors', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/probe/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('secret internals');
    expect(res.body).not.toContain('.ts');
  });
});
