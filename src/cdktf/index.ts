export { Leakguard, suppress, SuppressError, type RecordedWaiver, type SuppressOptions } from './suppress';
