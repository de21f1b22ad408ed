import fp from 'fastify-plugin';
import type { DataSource } from 'typeorm';

declare module 'fastify' {
  interface FastifyInstance {
    db: DataSource;
  }
}

export interface DbPluginOptions {
  dataSource: DataSource;
  /** Close the DataSource with the app (the server owns it; tests may share one). */
  closeWithApp: boolean;
}

export default fp<DbPluginOptions>(
  async (app, opts) => {
    app.decorate('db', opts.dataSource);
    if (opts.closeWithApp) {
      app.addHook('onClose', async () => {
        if (opts.dataSource.isInitialized) await opts.dataSource.destroy();
      });
    }
  },
  { name: 'db' },
);
