export * from './lib/app-config';
export * from './lib/app-config.module';
export * from './lib/boot';
export * from './lib/console.config';
export * from './lib/logging.module';
export * from './lib/security.config';
export * from './lib/working-days.config';
export * from './lib/files.config';
