import { Body, Controller, Get, Logger, Module, Post, ValidationPipe, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { CreateCaseDto } from '../cases/dto/create-case.dto';
import { VALIDATION_OPTIONS } from '../http-setup';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { StepConflictError } from './step-conflict.error';

@Controller()
class ProbeController {
  @Post('cases')
  open(@Body() body: CreateCaseDto): CreateCaseDto {
    return body;
  }

  @Get('conflict')
  conflict(): never {
    throw new StepConflictError('no report yet', 'RECTIFYING');
  }

  @Get('crash')
  crash(): never {
    throw new Error('SELECT secret FROM users');
  }

  @Get('crash-with-cause')
  crashWithCause(): never {
    throw new Error('Workflow Update failed', { cause: Object.assign(new Error('not ready'), { code: 9 }) });
  }
}

@Module({ controllers: [ProbeController], providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }] })
class ProbeModule {}

describe('AllExceptionsFilter over HTTP', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
    await app.init();
  });

  afterAll(() => app.close());

  it('logs an unexpected error with each cause and its code, and answers a bare 500', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const response = await request(app.getHttpServer()).get('/crash-with-cause');
      expect(response.status).toBe(500);
      expect(JSON.stringify(response.body)).not.toContain('not ready');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('500'), expect.stringContaining('caused by Error: not ready (code 9)'));
    } finally {
      logged.mockRestore();
    }
  });

  it('answers malformed JSON with 400 in the contract shape', async () => {
    const response = await request(app.getHttpServer()).post('/cases').set('Content-Type', 'application/json').send('{"title":');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'request body is not valid JSON',
      code: 'MALFORMED_BODY',
    });
  });

  it('answers an oversized body with 413', async () => {
    const response = await request(app.getHttpServer())
      .post('/cases')
      .send({ summary: 'x'.repeat(200_000) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE' });
  });

  it('names the nested field that failed validation', async () => {
    const body = { title: 't', summary: 's', source: 'audit', findings: [{ title: 't', description: 'd', unitId: 'U1', dueAt: 'soon' }] };
    const response = await request(app.getHttpServer()).post('/cases').send(body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body).sort()).toEqual(['code', 'error', 'field', 'message', 'problems', 'statusCode']);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'findings[0].dueAt',
      problems: [{ field: 'findings[0].dueAt', rule: 'format' }],
    });
    expect(response.body.message).toContain('findings.0.dueAt must be an ISO-8601 date');
  });

  it('names the top-level field, and the body when it is not an object', async () => {
    const untitled = await request(app.getHttpServer()).post('/cases').send({ summary: 's', source: 'audit', findings: [] });
    expect(untitled.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', field: 'title' });
    const list = await request(app.getHttpServer())
      .post('/cases')
      .send([{ title: 't' }]);
    expect(list.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('maps a refused step to 409 with code and status', async () => {
    const response = await request(app.getHttpServer()).get('/conflict');
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'no report yet',
      code: 'STEP_NOT_ALLOWED',
      status: 'RECTIFYING',
    });
  });

  it('hides unexpected errors behind a generic 500', async () => {
    const response = await request(app.getHttpServer()).get('/crash');
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('SELECT');
    expect(response.body.code).toBe('INTERNAL');
  });

  it('answers unknown routes with 404 in the contract shape', async () => {
    const response = await request(app.getHttpServer()).get('/nowhere');
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND' });
  });
});
