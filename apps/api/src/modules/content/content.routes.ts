import type { FastifyPluginAsync } from 'fastify';
import type { PostListQuery, ProjectListQuery } from '@pishop/shared';
import { dtoSchema } from '../../lib/validation';
import { pageSchema } from '../../lib/pagination';
import { publicCache } from '../../lib/http-cache';
import { PostListQueryDto, ProjectListQueryDto } from './content.dto';
import { homeSchema, pageViewSchema, postDetailSchema, postSummarySchema, projectSchema } from './content.schemas';

const slugParams = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;
const tags = ['content'];
const slugOf = (params: unknown) => (params as { slug: string }).slug;

/** Storefront reads: blog, portfolio, legal pages, home; cacheable (weak ETag, 60 s). */
export const contentRoutes: FastifyPluginAsync = async (app) => {
  const content = app.content;

  app.get('/home', {
    onSend: publicCache(),
    schema: {
      tags, summary: 'Home page: featured services, latest projects and posts, counters',
      response: { 200: homeSchema },
    },
  }, async () => content.home());

  app.get('/posts', {
    onSend: publicCache(),
    schema: {
      tags, summary: 'Published posts, newest first (paged, searchable)',
      querystring: dtoSchema(PostListQueryDto),
      response: { 200: pageSchema(postSummarySchema, 'PostPage') },
    },
  }, async (request) => content.listPosts(request.query as PostListQuery));

  app.get('/posts/:slug', {
    onSend: publicCache(),
    schema: { tags, summary: 'One published post by slug', params: slugParams, response: { 200: postDetailSchema } },
  }, async (request) => content.getPostBySlug(slugOf(request.params)));

  app.get('/projects', {
    onSend: publicCache(),
    schema: {
      tags, summary: 'Portfolio projects (paged, searchable)',
      querystring: dtoSchema(ProjectListQueryDto),
      response: { 200: pageSchema(projectSchema, 'ProjectPage') },
    },
  }, async (request) => content.listProjects(request.query as ProjectListQuery));

  app.get('/projects/:slug', {
    onSend: publicCache(),
    schema: { tags, summary: 'One project by slug', params: slugParams, response: { 200: projectSchema } },
  }, async (request) => content.getProjectBySlug(slugOf(request.params)));

  app.get('/pages/:slug', {
    onSend: publicCache(),
    schema: { tags, summary: 'A site page such as privacy, terms or cookies', params: slugParams, response: { 200: pageViewSchema } },
  }, async (request) => content.getPage(slugOf(request.params)));
};
