import zlib from 'node:zlib';
import fp from 'fastify-plugin';
import fastifyCompress from '@fastify/compress';

/**
 * Compresses dynamic answers (API JSON, the storefront's per-URL HTML) by Accept-Encoding.
 * Built assets are precompressed at build time and sent as they are (their Content-Encoding
 * is already set, which this plugin leaves alone); images and videos are not compressible
 * types. Brotli at quality 4: close to gzip's speed, smaller output.
 */
export default fp(
  async (app) => {
    await app.register(fastifyCompress, {
      global: true,
      threshold: 1024,
      encodings: ['br', 'gzip'],
      brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
      // Request bodies are never inflated here (uploads keep their own limits).
      globalDecompression: false,
    });
  },
  { name: 'compress' },
);
