import { ValidationPipe, type INestApplication, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Principal } from '@reform/contracts';
import type { NextFunction, Request, Response } from 'express';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { VALIDATION_OPTIONS } from '../http-setup';

/**
 * A started Nest app of `metadata` with the API's validation and error filter, whose every request
 * is made by whoever `caller()` answers at the time (the guard's work, done by the test).
 */
export async function signedInApp(metadata: ModuleMetadata, caller: () => Principal): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    ...metadata,
    providers: [...(metadata.providers ?? []), { provide: APP_FILTER, useClass: AllExceptionsFilter }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.use((req: Request & { user?: Principal }, _: Response, next: NextFunction) => {
    req.user = caller();
    next();
  });
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  await app.init();
  return app;
}
