export * from './db.js';
export * from './dialect.js';
export type * from './schema.js';
