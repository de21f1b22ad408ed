import fp from 'fastify-plugin';
import { DomainEvents } from '../lib/domain-events';

declare module 'fastify' {
  interface FastifyInstance {
    /** Domain events: modules publish inside their transactions, later modules subscribe. */
    events: DomainEvents;
  }
}

export default fp(
  async (app) => {
    app.decorate('events', new DomainEvents());
  },
  { name: 'events' },
);
