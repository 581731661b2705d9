export * from './lib/duration';
export * from './lib/policy';
export * from './lib/finding/finding-state';
export * from './lib/finding/finding-effects';
export * from './lib/finding/finding-lifecycle';
export * from './lib/finding/rejection';
export * from './lib/calendar';
