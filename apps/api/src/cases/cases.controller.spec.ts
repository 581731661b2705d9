import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Principal } from '@reform/contracts';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

const officer: Principal = { id: 'o1', name: 'Officer', roles: ['officer'] };
const body = {
  title: 'Split contracts',
  summary: 'Contracts split under the threshold',
  source: 'audit',
  findings: [{ title: 'Tendering bypassed', description: 'd', unitId: 'U1', dueAt: '2099-01-01' }],
};

describe('CasesController over HTTP', () => {
  let app: INestApplication;
  const open = jest.fn();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [CasesController],
      providers: [
        { provide: CasesService, useValue: { open } },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    // Stands in for the global AuthGuard, which is tested on its own.
    app.use((req: Request & { user?: Principal }, _: Response, next: NextFunction) => {
      req.user = officer;
      next();
    });
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    await app.init();
  });

  afterAll(() => app.close());

  it('answers 201 for a new case and 200 for a replay of a stored one', async () => {
    open.mockResolvedValueOnce({ opened: { id: 'c1' }, created: true });
    open.mockResolvedValueOnce({ opened: { id: 'c1' }, created: false });
    const first = await request(app.getHttpServer()).post('/cases').set('Idempotency-Key', 'k').send(body);
    const again = await request(app.getHttpServer()).post('/cases').set('Idempotency-Key', 'k').send(body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(open).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Split contracts' }), officer, 'k');
  });

  it('refuses an Idempotency-Key longer than 200 characters', async () => {
    const response = await request(app.getHttpServer()).post('/cases').set('Idempotency-Key', 'k'.repeat(201)).send(body);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('Idempotency-Key');
  });

  it('answers a malformed case id with 404', async () => {
    const response = await request(app.getHttpServer()).post('/cases/not-a-uuid/findings').send(body.findings[0]);
    expect(response.status).toBe(404);
  });
});
