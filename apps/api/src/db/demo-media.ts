import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import type { MediaService } from '../modules/media';
import { resolveFfmpeg, runFfmpeg } from '../modules/media/ffmpeg';
import { attachServiceMedia, demoServicesWithoutMedia } from '../modules/catalog/catalog.seed';
import { attachPostImage, attachProjectMedia, demoContentWithoutMedia } from '../modules/content/content.seed';

/** Colour pairs for the generated artwork, picked by position so each item looks different. */
const PALETTES: [string, string][] = [
  ['#5b2c83', '#f5b700'],
  ['#0f4c81', '#3ec1d3'],
  ['#1b5e20', '#9ccc65'],
  ['#8e24aa', '#ff7043'],
  ['#263238', '#26a69a'],
  ['#b71c1c', '#ffb300'],
];

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A 1200x675 JPEG: a diagonal gradient, soft shapes and the item's title. */
async function makePicture(file: string, title: string, [from, to]: [string, string]): Promise<void> {
  const words = title.split(/\s+/);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last && (last + ' ' + word).length <= 22) lines[lines.length - 1] = last + ' ' + word;
    else lines.push(word);
  }
  const text = lines
    .slice(0, 3)
    .map((line, i) => `<text x="80" y="${420 + i * 82 - (lines.length - 1) * 41}" font-family="'DejaVu Sans',sans-serif" font-size="68" font-weight="700" fill="#ffffff">${escapeXml(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="1200" height="675" fill="url(#g)"/>
    <circle cx="1010" cy="170" r="230" fill="#ffffff" fill-opacity="0.12"/>
    <circle cx="1120" cy="560" r="150" fill="#000000" fill-opacity="0.10"/>
    <rect x="80" y="120" width="120" height="12" rx="6" fill="#ffffff" fill-opacity="0.8"/>
    ${text}
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toFile(file);
}

/** A 4-second 640x360 clip of moving colour gradients (FFmpeg's lavfi source); the media job makes the light preview. */
async function makeClip(cmd: string, file: string, [from, to]: [string, string], timeoutMs: number): Promise<void> {
  const source = `gradients=s=640x360:d=4:r=24:speed=0.02:c0=${from.replace('#', '0x')}:c1=${to.replace('#', '0x')}:n=2`;
  await runFfmpeg(cmd, ['-y', '-f', 'lavfi', '-i', source, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-crf', '30', '-an', '-movflags', '+faststart', file], { timeoutMs });
}

/**
 * Demo pictures and preview clips for the demo services, projects and posts, generated once
 * (sharp and FFmpeg) and stored through the media module like uploads. Only items that still
 * have no picture are touched, so a second start changes nothing. Without FFmpeg, pictures only.
 */
export async function seedDemoMedia(ds: DataSource, media: MediaService, config: AppConfig, log: (msg: string) => void = () => {}): Promise<void> {
  const services = await demoServicesWithoutMedia(ds);
  const content = await demoContentWithoutMedia(ds);
  if (!services.length && !content.projects.length && !content.posts.length) return;
  const ffmpeg = resolveFfmpeg(config.ffmpegCmd);
  if (!ffmpeg) log('demo media: no FFmpeg found, demo items get pictures without preview clips');
  const timeoutMs = config.media.ffmpegTimeoutSeconds * 1000;
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'pishop-demo-media-'));
  let n = 0;
  const make = async (title: string, withClip: boolean) => {
    const palette = PALETTES[n++ % PALETTES.length];
    const picture = path.join(dir, `${n}.jpg`);
    await makePicture(picture, title, palette);
    const image = await media.importFile(picture, `demo-${n}.jpg`, { uploadedBy: 'demo-data' });
    if (!withClip || !ffmpeg) return { imageMediaId: image.id, previewMediaId: null };
    const clip = path.join(dir, `${n}.mp4`);
    await makeClip(ffmpeg.cmd, clip, palette, timeoutMs);
    const video = await media.importFile(clip, `demo-${n}.mp4`, { uploadedBy: 'demo-data' });
    return { imageMediaId: image.id, previewMediaId: video.id };
  };
  try {
    for (const s of services) await attachServiceMedia(ds, s.slug, await make(s.title, true));
    for (const p of content.projects) await attachProjectMedia(ds, p.slug, await make(p.title, true));
    for (const p of content.posts) await attachPostImage(ds, p.slug, (await make(p.title, false)).imageMediaId);
    log(`demo media: ${n} pictures${ffmpeg ? ' and preview clips' : ''} made`);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
