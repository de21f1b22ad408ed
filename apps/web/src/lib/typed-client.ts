import { createPishopClient } from '@pishop/client';
import { env } from '../config/env';

/** The typed client (@pishop/client, generated from the API's OpenAPI document); its paths start with /api/v1. */
export const typedApi = createPishopClient({ baseUrl: env.VITE_API_BASE_URL.replace(/\/api\/v1\/?$/, ''), credentials: 'include' });
