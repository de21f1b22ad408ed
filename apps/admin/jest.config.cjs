const base = require('../../jest.spa.cjs')(__dirname);

module.exports = {
  ...base,
  moduleNameMapper: { ...base.moduleNameMapper, '/config$': '<rootDir>/test/config.ts' },
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/react-hotkeys-hook@|react-hotkeys-hook/)'],
};
