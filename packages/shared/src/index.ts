export * from './errors';
export * from './pagination';
export * from './routes';
export * from './health';
export * from './payments';
export * from './orders';
export * from './inbox';
