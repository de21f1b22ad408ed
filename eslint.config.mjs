import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sandboxImport = { name: '@pishop/pi-sandbox', message: 'Reach Pi through PI_API_BASE_URL.' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'data/**', '**/*.cjs', 'packages/pi-sandbox/src/sdk/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}', 'apps/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The API reaches Pi only over HTTP; only the server entry mounts the sandbox.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/server.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [sandboxImport] }] },
  },
  {
    // Modules reach each other through services decorated on the app, never through routes.
    files: ['apps/api/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [sandboxImport],
        patterns: [{ group: ['../**/*.routes', '../**/*.admin-routes'], message: "Import a module's service, not its routes." }],
      }],
    },
  },
  { files: ['apps/web/public/sw.js'], languageOptions: { globals: { ...globals.serviceworker } } },
  {
    // The SPAs depend on shared contracts only, never on server code.
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/admin/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/api/**', '@pishop/api'], message: 'SPAs use @pishop/shared only.' }] }] },
  },
);
