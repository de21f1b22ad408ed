import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const apiTarget = process.env.VITE_DEV_API_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each asset; the server picks one by Accept-Encoding
    // (@fastify/static `preCompressed`). index.html is left out: the server rewrites its head per URL.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      exclude: [/\.html$/, /\.map$/],
      threshold: 1024,
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/api': apiTarget, '/pi-sandbox': apiTarget, '/media': apiTarget },
  },
  // No source maps in the output: whatever is in dist/ is public.
  // The manifest (dist/.vite, never served) tells the server which chunks a URL needs, to preload them.
  build: { outDir: 'dist', sourcemap: false, manifest: true, chunkSizeWarningLimit: 700 },
});
