// Shared jest settings for the two SPAs: SWC for TS/TSX with the automatic JSX runtime.
const path = require('node:path');

module.exports = (rootDir, extra = {}) => ({
  rootDir,
  testEnvironment: path.join(__dirname, 'jest.jsdom-env.cjs'),
  testMatch: ['**/__tests__/**/*.test.ts?(x)', '**/test/**/*.test.ts?(x)'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: {
    '^@pishop/shared$': path.join(__dirname, 'packages/shared/src'),
    '^@pishop/pi-protocol$': path.join(__dirname, 'packages/pi-protocol/src'),
    '\\.(css|less|scss)$': path.join(__dirname, 'jest.style-stub.cjs'),
  },
  setupFilesAfterEnv: ['@testing-library/jest-dom'],
  ...extra,
});
