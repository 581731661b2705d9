import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppConfigService, loadConfig } from '@reform/config';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';

/** Test helper: the app as AppModule wires it, created but never started — no database, no Temporal. */
export async function createUnstartedApp(): Promise<INestApplication & NestExpressApplication> {
  const config = new AppConfigService(
    loadConfig({ DATABASE_URL: 'postgres://localhost/never-connected', TEMPORAL_ADDRESS: '127.0.0.1:1' }),
  );
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfigService)
    .useValue(config)
    .overrideProvider(DataSource)
    .useValue({})
    .compile();
  return moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
}
