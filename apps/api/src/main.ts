import './tracing';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { authSettingsProblem, exitWith, loadConfigOrExit } from '@reform/config';
import { databaseUnreachableReason, runMigrationsLocked } from '@reform/persistence';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { defaultConsoleDir, serveConsole } from './console/serve-console';
import { configureHttp } from './http-setup';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const authProblem = authSettingsProblem(config.auth);
  if (authProblem) exitWith(`configuration error: ${authProblem}`);
  if (process.argv.includes('--check-config')) return;
  const unreachable = await databaseUnreachableReason(config.DATABASE_URL);
  if (unreachable) exitWith(`configuration error: ${unreachable}`);

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttp(app, config);
  serveConsole(app, config.CONSOLE_DIR ?? defaultConsoleDir());
  app.enableShutdownHooks();

  await runMigrationsLocked(app.get(DataSource));
  await app.listen(config.PORT).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') exitWith(`port ${config.PORT} is already in use: set PORT to a free port`);
    throw error;
  });
  app.get(Logger).log(`API listening on http://localhost:${config.PORT} (docs at /api/docs)`);
}

void bootstrap();
