export * from './case-workflow.js';
export * from './case-policy.js';
export * from './case-deadlines.js';
export * from './case-kpis.js';
export * from './case-json.js';
export { buildRecord } from './case-payloads.js';
export { guardFailure, targetOf, type GuardFailure } from './case-transitions.js';
export * from './case-kpi-rollup.js';
export * from './rectification.js';
