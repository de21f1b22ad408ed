import type { FastifyInstance } from 'fastify';
import { ErrorCodes } from '@pishop/shared';
import { AppError, describeFields } from './app-error';

/**
 * What catalog and content reads need from the media module for each media id: its
 * public URLs (a subset of `MediaRef` in packages/shared/src/media.ts).
 */
export interface MediaUrls {
  id?: number;
  url: string | null;
  /** Images: the smallest thumbnail; videos: the light preview clip. */
  previewUrl?: string | null;
  thumbnails?: unknown;
  status?: string;
}

type ResolverResult = Map<number, MediaUrls> | MediaUrls[] | Record<number, MediaUrls>;
type Resolver = (ids: number[]) => Promise<ResolverResult>;

/**
 * The media module's resolver, looked up on every call (so it may be registered before or
 * after the caller): `app.media.resolve(ids)` or `app.mediaUrls(ids)`, answering a Map by
 * id, an array of objects with `id`, or a record by id. Without one, media fields read null.
 */
function findResolver(app: FastifyInstance): Resolver | undefined {
  const host = app as unknown as { media?: { resolve?: unknown }; mediaUrls?: unknown };
  if (host.media && typeof host.media.resolve === 'function') {
    const media = host.media;
    return (ids) => (media.resolve as Resolver).call(media, ids);
  }
  if (typeof host.mediaUrls === 'function') return (ids) => (host.mediaUrls as Resolver).call(app, ids);
  return undefined;
}

export async function resolveMediaUrls(app: FastifyInstance, ids: (number | null | undefined)[]): Promise<Map<number, MediaUrls>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  const resolver = findResolver(app);
  if (wanted.length === 0 || !resolver) return new Map();
  try {
    const found = await resolver(wanted);
    const entries: [number, MediaUrls][] =
      found instanceof Map ? [...found.entries()]
        : Array.isArray(found) ? found.filter((m) => typeof m?.id === 'number').map((m) => [m.id as number, m])
          : Object.entries(found).map(([k, v]) => [Number(k), v]);
    // A media whose processing failed has nothing worth showing.
    return new Map(entries.filter(([, m]) => m && m.status !== 'failed'));
  } catch (err) {
    app.log.warn({ err }, 'media URLs could not be resolved; answering without them');
    return new Map();
  }
}

/** An image's URL, or null. */
export const imageUrlOf = (media: Map<number, MediaUrls>, id: number | null) => (id === null ? null : media.get(id)?.url ?? null);
/** A video's preview clip URL (its full URL when it has no preview), or null. */
export const previewUrlOf = (media: Map<number, MediaUrls>, id: number | null) =>
  id === null ? null : media.get(id)?.previewUrl ?? media.get(id)?.url ?? null;

/** One media reference a record is about to store: which field, which id, which kind it must be. */
export interface MediaReference {
  field: string;
  id: number | null | undefined;
  kind: 'image' | 'video';
  /** The id stored today: an unchanged reference is not checked again. */
  current?: number | null;
}

/** `id → {kind, status}` of existing media (failed ones included), or undefined without a media module. */
export type MediaKindLookup = (ids: number[]) => Promise<Map<number, { kind?: string; status?: string }> | undefined>;

/** The media module's answer for these ids, failed media included (reads the same resolver as above). */
export function mediaKindLookup(app: FastifyInstance): MediaKindLookup {
  return async (ids) => {
    const resolver = findResolver(app);
    if (!resolver) return undefined;
    const found = await resolver(ids);
    const entries: [number, MediaUrls][] =
      found instanceof Map ? [...found.entries()]
        : Array.isArray(found) ? found.filter((m) => typeof m?.id === 'number').map((m) => [m.id as number, m])
          : Object.entries(found).map(([k, v]) => [Number(k), v]);
    return new Map(entries.map(([id, m]) => [id, { kind: (m as { kind?: string }).kind, status: m.status }]));
  };
}

/**
 * Refuses (422 MEDIA_REFERENCE_INVALID, one message per field) references to media that do
 * not exist, whose processing failed, or that are of another kind (a video as an image).
 * Null clears a reference and is always accepted; unchanged references are not re-checked.
 */
export async function assertMediaReferences(lookup: MediaKindLookup, refs: MediaReference[]): Promise<void> {
  const changed = refs.filter((r): r is MediaReference & { id: number } => typeof r.id === 'number' && r.id !== r.current);
  if (changed.length === 0) return;
  const found = await lookup([...new Set(changed.map((r) => r.id))]);
  if (!found) return; // no media module in this app: nothing to check against
  const fields: Record<string, string> = {};
  for (const r of changed) {
    const m = found.get(r.id);
    if (!m) fields[r.field] = `media ${r.id} does not exist`;
    else if (m.kind && m.kind !== r.kind) fields[r.field] = `media ${r.id} is a ${m.kind}, not a ${r.kind}`;
    else if (m.status === 'failed') fields[r.field] = `media ${r.id} failed processing; upload it again`;
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError(ErrorCodes.MEDIA_REFERENCE_INVALID, describeFields(fields), { fields });
  }
}
