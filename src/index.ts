// The programmatic API: the same pipeline the CLI runs.
export { check, exitCodeOf, type CheckOptions, type CheckResult } from './check';
export { loadPaths, loadPath, loaders } from './load';
export { normalize } from './normalize';
export { loadCompiledPolicy, type CompiledPolicy, type PolicyData } from './evaluate/policy';
export { applyGate } from './evaluate/gate';
export { formatters, formatterFor } from './report';
export { InputError } from './errors';
export type { PolicyInput, Resource } from './types/policy-input';
export type { Decision, Finding } from './types/decision';
