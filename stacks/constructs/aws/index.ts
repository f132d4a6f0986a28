// Every aws construct; import one by its own path (leakguard/constructs/aws/<file>) to load less.
export * from './api';
export * from './backup';
export * from './baseline';
export * from './bucket';
export * from './cdn';
export * from './database';
export * from './forensics';
export * from './key';
export * from './lambda';
export * from './log-group';
export * from './network';
export * from './policy';
export * from './providers';
export * from './role';
export * from './vpc';
export * from './waf';
