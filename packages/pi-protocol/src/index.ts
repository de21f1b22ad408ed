export * from './json';
export * from './network';
export * from './payment';
export * from './user';
export * from './errors';
export * from './horizon';
export * from './sdk';
export * from './sandbox-defaults';
