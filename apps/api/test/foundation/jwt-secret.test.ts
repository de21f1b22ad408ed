import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureJwtSecret, loadConfig } from '../../src/config';

describe('the JWT secret kept in the data folder (development without JWT_SECRET)', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-secret-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is created at the first start (48 random bytes, mode 600) and read again at the next', () => {
    const config = loadConfig({}, root);
    const first = ensureJwtSecret(config);
    const file = path.join(root, 'data', 'jwt-secret');
    expect(first.jwtSecret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureJwtSecret(loadConfig({}, root)).jwtSecret).toBe(first.jwtSecret);

    fs.rmSync(file);
    expect(ensureJwtSecret(loadConfig({}, root)).jwtSecret).not.toBe(first.jwtSecret);
  });

  it('makes a file others can read private again', () => {
    const file = path.join(root, 'data', 'jwt-secret');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x'.repeat(40) + '-kept-from-an-earlier-start', { mode: 0o644 });
    expect(ensureJwtSecret(loadConfig({}, root)).jwtSecret).toBe('x'.repeat(40) + '-kept-from-an-earlier-start');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['short', 'too-short'],
    ['the old public development secret', 'development-only-secret-change-me-please-32+chars'],
  ])('refuses a file holding a %s secret', (_what, content) => {
    const file = path.join(root, 'data', 'jwt-secret');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content, { mode: 0o600 });
    expect(() => ensureJwtSecret(loadConfig({}, root))).toThrow(/usable JWT secret/);
  });

  it('leaves a configured JWT_SECRET alone and writes nothing', () => {
    const config = ensureJwtSecret(loadConfig({ JWT_SECRET: 'z'.repeat(48) }, root));
    expect(config.jwtSecret).toBe('z'.repeat(48));
    expect(fs.existsSync(path.join(root, 'data'))).toBe(false);
  });
});
