// Every azure construct; import one by its own path (leakguard/constructs/azure/<file>) to load less.
export * from './backup';
export * from './baseline';
export * from './common';
export * from './front-door';
export * from './key-vault';
export * from './network';
export * from './role-assignment';
export * from './sql';
export * from './storage';
export * from './workspace';
