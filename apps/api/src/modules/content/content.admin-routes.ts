import type { FastifyPluginAsync } from 'fastify';
import type { PageInput, PostInput, ProjectInput } from '@pishop/shared';
import { dtoSchema } from '../../lib/validation';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import { PageInputDto, PostBulkDto, PostInputDto, ProjectInputDto } from './content.dto';
import { IdListDto } from '../../lib/dto-helpers';
import { adminPageSchema, adminPostSchema, adminProjectSchema, idListResultSchema } from './content.schemas';
import { pagesSpec, postsSpec, projectsSpec, type PageAdmin, type PostAdmin, type ProjectAdmin } from './content-admin.service';

export interface ContentAdminOptions {
  posts: PostAdmin;
  projects: ProjectAdmin;
  pages: PageAdmin;
}

const tag = 'admin: content';

/** Back office: posts, projects, pages (ra-data-simple-rest), project reorder. */
export const contentAdminRoutes: FastifyPluginAsync<ContentAdminOptions> = async (app, { posts, projects, pages }) => {
  const guard = app.requireAdmin;
  simpleRestRoutes<unknown, PostInput>(app, {
    spec: postsSpec, guard, tag, noun: 'post', record: adminPostSchema, input: PostInputDto,
    list: (p) => posts.list(p), get: (id) => posts.get(id), create: (i) => posts.create(i),
    update: (id, i) => posts.update(id, i), remove: (id) => posts.remove(id),
  });
  simpleRestRoutes<unknown, ProjectInput>(app, {
    spec: projectsSpec, guard, tag, noun: 'project', record: adminProjectSchema, input: ProjectInputDto,
    list: (p) => projects.list(p), get: (id) => projects.get(id), create: (i) => projects.create(i),
    update: (id, i) => projects.update(id, i), remove: (id) => projects.remove(id),
  });
  simpleRestRoutes<unknown, PageInput>(app, {
    spec: pagesSpec, guard, tag, noun: 'page', record: adminPageSchema, input: PageInputDto,
    list: (p) => pages.list(p), get: (id) => pages.get(id), create: (i) => pages.create(i),
    update: (id, i) => pages.update(id, i), remove: (id) => pages.remove(id),
  });

  app.post('/posts/bulk', {
    onRequest: guard,
    schema: {
      tags: [tag], security: [{ bearerAuth: [] }],
      summary: 'Bulk action on posts: clear the image of every listed post',
      description: 'All ids must exist (404 POST_NOT_FOUND listing the missing ones, and nothing changes).',
      body: dtoSchema(PostBulkDto),
      response: { 200: idListResultSchema },
    },
  }, async (request) => posts.clearImages((request.body as PostBulkDto).ids));

  app.post('/projects/reorder', {
    onRequest: guard,
    schema: {
      tags: [tag], security: [{ bearerAuth: [] }],
      summary: 'Reorder projects',
      description: 'The listed projects take positions 1..n in the listed order; others keep theirs. Unknown ids: 404, nothing changes.',
      body: dtoSchema(IdListDto),
      response: { 200: idListResultSchema },
    },
  }, async (request) => projects.reorder((request.body as IdListDto).ids));
};
