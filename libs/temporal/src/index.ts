export * from './lib/temporal-connection';
export * from './lib/temporal-client.module';
export * from './lib/client-retry';
export * from './lib/tracing-interceptors';
export * from './lib/temporal-client-interceptors';
