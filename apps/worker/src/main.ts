import './tracing';
import { NestFactory } from '@nestjs/core';
import { exitWith, loadConfigOrExit } from '@reform/config';
import { databaseUnreachableReason, runMigrationsLocked } from '@reform/persistence';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { limitHeapGrowth } from './temporal/worker-tuning';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  limitHeapGrowth(config.WORKER_HEAP_GROWTH_PERCENT);
  const unreachable = await databaseUnreachableReason(config.DATABASE_URL);
  if (unreachable) exitWith(`configuration error: ${unreachable}`);

  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await runMigrationsLocked(app.get(DataSource));
  await app.init();
}

void bootstrap();
