export * from './task-types.js';
export * from './cadence.js';
export * from './task-tree.js';
export * from './task-status.js';
export * from './assessment.js';
export * from './assessment-facts.js';
export { localDateOf } from '../../../kernel/calendar/index.js';
