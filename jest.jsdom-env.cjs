// jsdom lacks some of Node's web globals that react-router and fetch-based code use.
const { TestEnvironment } = require('jest-environment-jsdom');

const copied = ['TextEncoder', 'TextDecoder', 'Request', 'Response', 'Headers', 'fetch', 'FormData', 'ReadableStream', 'AbortController', 'AbortSignal', 'structuredClone'];

module.exports = class extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of copied) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
  }
};
