import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

export interface FfmpegBinary {
  cmd: string;
  /** Where it came from, for the start-up log. */
  source: 'FFMPEG_CMD' | 'PATH' | '@ffmpeg-installer/ffmpeg';
}

/**
 * FFMPEG_CMD when set; else an `ffmpeg` on PATH (the system's, maintained); else the static
 * binary shipped by the npm package `@ffmpeg-installer/ffmpeg` (works after a plain install).
 */
export function resolveFfmpeg(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): FfmpegBinary | undefined {
  if (configured) return { cmd: configured, source: 'FFMPEG_CMD' };
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'ffmpeg');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return { cmd: candidate, source: 'PATH' };
    } catch {
      // not here
    }
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installer = require('@ffmpeg-installer/ffmpeg') as { path: string };
    if (installer.path && fs.existsSync(installer.path)) return { cmd: installer.path, source: '@ffmpeg-installer/ffmpeg' };
  } catch {
    // the package has no binary for this platform
  }
  return undefined;
}

/** The preview every video gets: 3 s, 240 px wide, 12 fps, H.264 CRF 32, no audio, faststart. */
export const PREVIEW = { seconds: 3, width: 240, fps: 12, crf: 32 } as const;

export function previewArgs(input: string, output: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    // One thread each for decoding, filtering and encoding: "one FFmpeg per core".
    '-threads', '1', '-filter_threads', '1',
    '-i', input,
    '-map', '0:v:0',
    '-t', String(PREVIEW.seconds),
    '-vf', `scale=${PREVIEW.width}:-2,fps=${PREVIEW.fps}`,
    '-c:v', 'libx264', '-crf', String(PREVIEW.crf), '-pix_fmt', 'yuv420p', '-threads', '1',
    '-an', '-sn', '-dn', '-map_metadata', '-1',
    '-movflags', '+faststart',
    '-f', 'mp4', output,
  ];
}

export class FfmpegError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FfmpegError';
  }
}

/**
 * Runs FFmpeg; resolves on exit code 0, rejects with the last lines of its stderr. `signal`
 * kills it (app shutdown); `timeoutMs` kills a run that takes too long.
 */
export function runFfmpeg(cmd: string, args: string[], opts: { signal?: AbortSignal; timeoutMs: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new FfmpegError('stopped before FFmpeg started'));
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let why: string | undefined;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const kill = (reason: string) => {
      why = reason;
      child.kill('SIGKILL');
    };
    const onAbort = () => kill('stopped: the server is shutting down');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => kill(`FFmpeg took longer than ${Math.round(opts.timeoutMs / 1000)} s`), opts.timeoutMs);
    const finish = (err?: Error) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    child.on('error', (err) => finish(new FfmpegError(`FFmpeg could not be started (${cmd}): ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0 && !why) return finish();
      const detail = lastLines(stderr) || (signal ? `killed by ${signal}` : `exit code ${code}`);
      finish(new FfmpegError(why ?? `FFmpeg failed: ${detail}`));
    });
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
}
