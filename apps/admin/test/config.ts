export const env = { VITE_API_BASE_URL: 'http://api.test/api/v1' };
