import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import type { InjectOptions } from 'fastify';
import { resolveFfmpeg } from '../../src/modules/media/ffmpeg';
import { bearer, type TestApp } from '../support/app';
import { createUser } from '../support/users';

/** A fresh folder for one test file's media root and fixtures. */
export function tempDir(prefix = 'pishop-media-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type Headers = NonNullable<InjectOptions['headers']>;

/** Authorization headers of a real user of that role (created once per app). */
const signedIn = new WeakMap<object, Partial<Record<'admin' | 'customer', Headers>>>();
export async function headersOf(t: TestApp, role: 'admin' | 'customer' = 'admin'): Promise<Headers> {
  const known = signedIn.get(t.app) ?? {};
  if (!known[role]) {
    known[role] = bearer((await createUser(t, { role })).token)!;
    signedIn.set(t.app, known);
  }
  return known[role]!;
}

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body, built by hand so tests control every byte and name. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----pishop${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (p.contentType ? `Content-Type: ${p.contentType}\r\n` : '') + '\r\n';
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POST /api/v1/admin/uploads with one file part named `file` (or the given parts). */
export async function upload(t: TestApp, file: Omit<Part, 'name'> | Part[], headers?: Headers) {
  const body = multipart(Array.isArray(file) ? file : [{ name: 'file', ...file }]);
  headers ??= await headersOf(t, 'admin');
  return t.app.inject({ method: 'POST', url: '/api/v1/admin/uploads', payload: body.payload, headers: { ...headers, ...body.headers } });
}

export async function pngOf(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 20 } } }).png().toBuffer();
}

/** A JPEG carrying EXIF (camera maker, copyright) that the upload must drop. */
export async function jpegWithExif(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SpyCam', Copyright: 'secret-owner' } })
    .toBuffer();
}

export const ffmpegPath = (): string => resolveFfmpeg(undefined)!.cmd;

/** The 5 s test clip of the issue (640x360, 30 fps, H.264 + AAC audio). */
export function makeClip(dir: string, name = 'src.mp4', extra: string[] = []): string {
  const out = path.join(dir, name);
  execFileSync(ffmpegPath(), [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc=duration=5:size=640x360:rate=30',
    '-f', 'lavfi', '-i', 'sine=duration=5',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', ...extra, out,
  ]);
  return out;
}

/**
 * An FFMPEG_CMD that announces its start (appends to `started`) and waits until the file
 * `go` exists before running the real FFmpeg: a test can hold FFmpeg mid-job.
 */
export function gatedFfmpeg(dir: string): { cmd: string; started: string; open: () => void; starts: () => number } {
  const started = path.join(dir, 'started');
  const go = path.join(dir, 'go');
  const cmd = path.join(dir, 'gated-ffmpeg.sh');
  fs.writeFileSync(
    cmd,
    `#!/bin/sh\necho "$$" >> '${started}'\nwhile [ ! -e '${go}' ]; do sleep 0.05; done\nexec '${ffmpegPath()}' "$@"\n`,
    { mode: 0o755 },
  );
  return {
    cmd,
    started,
    open: () => fs.writeFileSync(go, ''),
    starts: () => (fs.existsSync(started) ? fs.readFileSync(started, 'utf8').trim().split('\n').length : 0),
  };
}

/** Polls `check` until true (waiting on another process; fails after `ms`). */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every file under `root`, relative, work folder included (it must be empty after a refusal). */
export function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort();
}

export interface ProbeResult {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; r_frame_rate?: string; pix_fmt?: string }[];
  format: { duration: string; format_name: string };
}

export function ffprobe(file: string): ProbeResult {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' });
  return JSON.parse(out) as ProbeResult;
}

/** The local file behind a `/media/<key>` URL. */
export function fileOfUrl(root: string, url: string): string {
  return path.join(root, url.replace(/^\/media\//, ''));
}
