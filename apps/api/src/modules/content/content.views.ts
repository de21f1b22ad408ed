import type { AdminPage, AdminPost, AdminProject, PageView, PostDetail, PostSummary, ProjectView } from '@pishop/shared';
import { renderMarkdown } from '../../lib/markdown';
import { imageUrlOf, previewUrlOf, type MediaUrls } from '../../lib/media-urls';
import type { Post, Project, SitePage } from './content.entity';

type Media = Map<number, MediaUrls>;

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function postSummary(p: Post, media: Media): PostSummary {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    excerpt: p.excerpt,
    imageUrl: imageUrlOf(media, p.imageMediaId),
    // Public reads only see published posts, which always have a date.
    publishedAt: iso(p.publishedAt ?? p.createdAt),
  };
}

export function postDetail(p: Post, media: Media): PostDetail {
  return { ...postSummary(p, media), bodyHtml: renderMarkdown(p.body), updatedAt: iso(p.updatedAt) };
}

export function projectView(p: Project, media: Media): ProjectView {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    descriptionHtml: renderMarkdown(p.description),
    imageUrl: imageUrlOf(media, p.imageMediaId),
    previewUrl: previewUrlOf(media, p.previewMediaId),
    link: p.link,
    position: p.position,
  };
}

export function pageView(p: SitePage): PageView {
  return { slug: p.slug, title: p.title, bodyHtml: renderMarkdown(p.body), updatedAt: iso(p.updatedAt) };
}

export function adminPost(p: Post, media: Media): AdminPost {
  return {
    id: p.id,
    title: p.title,
    slug: p.slug,
    excerpt: p.excerpt,
    body: p.body,
    bodyHtml: renderMarkdown(p.body),
    imageMediaId: p.imageMediaId,
    imageUrl: imageUrlOf(media, p.imageMediaId),
    published: p.published,
    publishedAt: isoOrNull(p.publishedAt),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export function adminProject(p: Project, media: Media): AdminProject {
  return {
    ...projectView(p, media),
    description: p.description,
    imageMediaId: p.imageMediaId,
    previewMediaId: p.previewMediaId,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export function adminPage(p: SitePage): AdminPage {
  return {
    id: p.id, slug: p.slug, title: p.title, body: p.body, bodyHtml: renderMarkdown(p.body),
    createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt),
  };
}
