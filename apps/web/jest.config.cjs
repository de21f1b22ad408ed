module.exports = require('../../jest.spa.cjs')(__dirname, {
  // Vite's import.meta.env does not exist under jest; the config module reads it.
  moduleNameMapper: {
    ...require('../../jest.spa.cjs')(__dirname).moduleNameMapper,
    '/config/env$': '<rootDir>/test/env.ts',
  },
});
