export * from './lib/app-config';
export * from './lib/app-config.module';
export * from './lib/boot';
export * from './lib/logging.module';
