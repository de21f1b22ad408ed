// zod's tree-shakable build: the storefront checks one setting, and full zod would be about 15 KB of gzip on every page.
import * as z from 'zod/mini';

/** The storefront's build-time settings, parsed once. */
const schema = z.object({
  VITE_API_BASE_URL: z._default(z.string(), '/api/v1'),
});

export const env = schema.parse(import.meta.env);
