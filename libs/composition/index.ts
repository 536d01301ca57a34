export { composeApp } from './compose-app.js';
export type { ComposeOptions, ComposeResult } from './compose-app.js';
export { applyFilters } from './evaluate-template.js';
export { parseDuration } from './parse-duration.js';
export { startOrder } from './start-order.js';
export type { DependencyGraph, StartOrder } from './start-order.js';
export type { ResolvedApp, ResolvedEnvVar, ResolvedHealthCheck, ResolvedInstance, ResolvedValue, ValuePart } from './resolved-app.js';
export { expandKit, kitExampleInputs } from './expand-kit.js';
export type { ExpandedKit } from './expand-kit.js';
