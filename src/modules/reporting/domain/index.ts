export * from './periods.js';
export * from './form-schema.js';
export * from './completeness.js';
export * from './rollup.js';
