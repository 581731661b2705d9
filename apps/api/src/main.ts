import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { exitWith, loadConfigOrExit } from '@reform/config';
import { databaseUnreachableReason, runMigrationsLocked } from '@reform/persistence';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { setUpOpenApi } from './open-api';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  if (process.argv.includes('--check-config')) return;
  const unreachable = await databaseUnreachableReason(config.DATABASE_URL);
  if (unreachable) exitWith(`configuration error: ${unreachable}`);

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '2mb' });
  app.setGlobalPrefix('api/v1', { exclude: ['health'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  setUpOpenApi(app);

  await runMigrationsLocked(app.get(DataSource));
  await app.listen(config.PORT).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') exitWith(`port ${config.PORT} is already in use: set PORT to a free port`);
    throw error;
  });
  app.get(Logger).log(`API listening on http://localhost:${config.PORT} (docs at /api/docs)`);
}

void bootstrap();
