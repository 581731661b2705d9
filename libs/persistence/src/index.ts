export * from './lib/data-source';
export * from './lib/migrate';
export * from './lib/database-preflight';
export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/projection-store';
export * from './lib/outbox-store';
export * from './lib/queries';
