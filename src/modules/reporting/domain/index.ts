export * from './periods.js';
export * from './form-schema.js';
export * from './completeness.js';
export * from './rollup.js';
export * from './rollup-table.js';
export * from './completeness-rollup.js';
export * from './unit-move.js';
export * from './area-completeness.js';
