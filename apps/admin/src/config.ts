import { z } from 'zod';

const schema = z.object({ VITE_API_BASE_URL: z.string().default('/api/v1') });

export const env = schema.parse(import.meta.env);
