export * from './errors';
export * from './pagination';
export * from './routes';
export * from './health';
