const swc = require('../../jest.swc.cjs');

// ESM-only packages that jest (unlike Node 20's require(esm)) cannot load untransformed.
const esmOnly = ['content-disposition', 'cookie', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer/inflate', 'uint8array-extras', 'get-stream', '@sec-ant', '@borewit/text-codec', 'p-retry', 'is-network-error',
  // sanitize-html's parser stack (ESM-only since htmlparser2 10)
  'htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'domelementtype', 'entities'];
const esmPattern = esmOnly.map((p) => p.replace('/', '\\+')).join('|');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: [`/node_modules/(?!\\.pnpm/(${esmPattern})@|(${esmOnly.join('|')})/)`],
  moduleNameMapper: { '^@pishop/shared$': '<rootDir>/../../packages/shared/src', '^@pishop/pi-protocol$': '<rootDir>/../../packages/pi-protocol/src' },
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
  // The reliability suite (test/reliability) prints its figures when the run ends.
  reporters: ['default', '<rootDir>/test/reliability/figures-reporter.cjs'],
  testTimeout: 120000, // generous: spawned processes and storms are slow on a busy 2-core machine; a hang still fails
  maxWorkers: 2,
};
