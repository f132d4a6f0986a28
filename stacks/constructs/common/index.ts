// Every common construct; import one by its own path (leakguard/constructs/common/<file>) to load less.
export * from './csp';
export * from './errors';
export * from './settings';
export * from './stack';
export * from './tags';
