export * from './lib/data-source';
export * from './lib/migrate';
export * from './lib/database-preflight';
