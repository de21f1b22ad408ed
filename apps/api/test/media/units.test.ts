import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { ConfigError, loadConfig } from '../../src/config';
import { previewArgs, resolveFfmpeg } from '../../src/modules/media/ffmpeg';
import { claimIsDead } from '../../src/modules/media/media-jobs';
import { mediaJobStates, mediaStates } from '../../src/modules/media/media.states';
import { tempDir } from './helpers';

describe('media state machines (walked through the tables)', () => {
  it.each([
    ['media_job', mediaJobStates, 'MEDIA_JOB_INVALID_TRANSITION'],
    ['media', mediaStates, 'MEDIA_INVALID_TRANSITION'],
  ] as const)('%s: allows exactly the listed transitions', (_name, machine, code) => {
    const states = machine.states as readonly string[];
    const table = machine.table as Record<string, readonly string[]>;
    const m = machine as { transition(from: string, to: string): string };
    for (const from of states) {
      for (const to of states) {
        if (table[from].includes(to)) expect(m.transition(from, to)).toBe(to);
        else expect(() => m.transition(from, to)).toThrow(expect.objectContaining({ code }));
      }
    }
  });

  it('job: done and failed are final; a running job can only finish or go back to the queue', () => {
    expect(mediaJobStates.isTerminal('done')).toBe(true);
    expect(mediaJobStates.isTerminal('failed')).toBe(true);
    expect([...mediaJobStates.table.running].sort()).toEqual(['done', 'failed', 'queued']);
    expect(mediaStates.canTransition('processing', 'ready')).toBe(true);
    expect(mediaStates.canTransition('ready', 'failed')).toBe(false);
  });
});

describe('FFmpeg', () => {
  it('uses FFMPEG_CMD first, then an ffmpeg on PATH, then the npm package binary', () => {
    expect(resolveFfmpeg('/opt/ff/ffmpeg')).toEqual({ cmd: '/opt/ff/ffmpeg', source: 'FFMPEG_CMD' });

    const dir = tempDir('pishop-ffpath-');
    fs.writeFileSync(path.join(dir, 'ffmpeg'), '#!/bin/sh\n', { mode: 0o755 });
    expect(resolveFfmpeg(undefined, { PATH: `/nonexistent${path.delimiter}${dir}` })).toEqual({ cmd: path.join(dir, 'ffmpeg'), source: 'PATH' });

    const npm = resolveFfmpeg(undefined, { PATH: '/nonexistent' });
    expect(npm?.source).toBe('@ffmpeg-installer/ffmpeg');
    expect(execFileSync(npm!.cmd, ['-version'], { encoding: 'utf8' })).toMatch(/^ffmpeg version/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds the preview command of the issue', () => {
    const args = previewArgs('in.mov', 'out.mp4').join(' ');
    for (const part of ['-t 3', '-vf scale=240:-2,fps=12', '-c:v libx264', '-crf 32', '-pix_fmt yuv420p', '-an', '-movflags +faststart']) {
      expect(args).toContain(part);
    }
    expect(args.indexOf('-i in.mov')).toBeLessThan(args.indexOf('-t 3'));
    expect(args.endsWith('out.mp4')).toBe(true);
  });
});

describe('media settings', () => {
  const issuesOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      if (err instanceof ConfigError) return err.issues.map((i) => i.key);
      throw err;
    }
  };

  it('defaults: images 10 MB, videos 200 MB, thumbnails 320/640/1280, one job per core', () => {
    const { media } = loadConfig({});
    expect(media).toMatchObject({
      maxImageBytes: 10 * 1024 * 1024,
      maxVideoBytes: 200 * 1024 * 1024,
      thumbnailWidths: [320, 640, 1280],
      jobConcurrency: os.availableParallelism(),
      jobStaleSeconds: 60,
    });
  });

  it('never runs more jobs than cores; 0 means this instance runs none', () => {
    expect(loadConfig({ MEDIA_JOB_CONCURRENCY: '64' }).media.jobConcurrency).toBe(os.availableParallelism());
    expect(loadConfig({ MEDIA_JOB_CONCURRENCY: '0' }).media.jobConcurrency).toBe(0);
    expect(loadConfig({ MEDIA_THUMBNAIL_WIDTHS: '800, 200,800' }).media.thumbnailWidths).toEqual([200, 800]);
  });

  it('refuses bad values naming the key', () => {
    expect(issuesOf({ MEDIA_MAX_IMAGE_MB: 'lots', MEDIA_THUMBNAIL_WIDTHS: '320,big', MEDIA_JOB_CONCURRENCY: '1.5' }).sort()).toEqual(
      ['MEDIA_JOB_CONCURRENCY', 'MEDIA_MAX_IMAGE_MB', 'MEDIA_THUMBNAIL_WIDTHS'],
    );
  });
});

describe('job claims', () => {
  it('a claim of this host is dead when its process is gone', async () => {
    const child = spawn('true');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(claimIsDead(`${os.hostname()}:${child.pid}:abc`)).toBe(true);
    expect(claimIsDead(`${os.hostname()}:${process.ppid}:abc`)).toBe(false);
    // This process, but no live runner with that token (a previous life of the same pid).
    expect(claimIsDead(`${os.hostname()}:${process.pid}:not-a-runner`)).toBe(true);
    // Another host: only the heartbeat can tell.
    expect(claimIsDead(`elsewhere:${child.pid}:abc`)).toBe(false);
  });
});
