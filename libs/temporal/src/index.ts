export * from './lib/temporal-connection';
