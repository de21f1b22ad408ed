import { z } from 'zod';

/** The storefront's build-time settings, parsed once. */
const schema = z.object({
  VITE_API_BASE_URL: z.string().default('/api/v1'),
});

export const env = schema.parse(import.meta.env);
