export { LeakguardChecks } from './checks';
export { evaluateConstructs, type Checkable, type Evaluation, type LeakguardOptions } from './evaluate';
export { Leakguard, suppress, SuppressError, type RecordedWaiver, type SuppressOptions } from './suppress';
