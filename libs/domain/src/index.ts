export * from './lib/duration';
export * from './lib/policy';
