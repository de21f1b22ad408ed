export const env = { VITE_API_BASE_URL: '/api/v1' };
