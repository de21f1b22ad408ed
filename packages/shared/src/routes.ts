export const API_PREFIX = '/api/v1';
export const DOCS_PREFIX = '/api/docs';
export const PI_SANDBOX_PREFIX = '/pi-sandbox';
