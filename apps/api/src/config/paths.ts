import path from 'node:path';

/** The monorepo root, the same from src/ (tsx, jest) and dist/ (node). */
export const ROOT_DIR = path.resolve(__dirname, '../../../..');
export const API_DIR = path.resolve(__dirname, '../..');
