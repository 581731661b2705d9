import { Body, Controller, Get, Module, Post, ValidationPipe, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import request from 'supertest';
import { CreateCaseDto } from '../cases/dto/create-case.dto';
import { AllExceptionsFilter } from './all-exceptions.filter';

@Controller()
class ProbeController {
  @Post('cases')
  open(@Body() body: CreateCaseDto): CreateCaseDto {
    return body;
  }

  @Get('conflict')
  conflict(): never {
    const failure = ApplicationFailure.create({ type: 'StepNotAllowed', message: 'no report yet', details: [{ status: 'RECTIFYING' }] });
    throw new WorkflowUpdateFailedError('Workflow Update failed', failure);
  }

  @Get('crash')
  crash(): never {
    throw new Error('SELECT secret FROM users');
  }
}

@Module({ controllers: [ProbeController], providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }] })
class ProbeModule {}

describe('AllExceptionsFilter over HTTP', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    await app.init();
  });

  afterAll(() => app.close());

  it('answers malformed JSON with 400 in the contract shape', async () => {
    const response = await request(app.getHttpServer()).post('/cases').set('Content-Type', 'application/json').send('{"title":');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'request body is not valid JSON' });
  });

  it('answers an oversized body with 413', async () => {
    const response = await request(app.getHttpServer()).post('/cases').send({ summary: 'x'.repeat(200_000) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('names the nested field that failed validation', async () => {
    const body = { title: 't', summary: 's', source: 'audit', findings: [{ title: 't', description: 'd', unitId: 'U1', dueAt: 'soon' }] };
    const response = await request(app.getHttpServer()).post('/cases').send(body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body).sort()).toEqual(['error', 'message', 'statusCode']);
    expect(response.body.message).toContain('findings.0.dueAt must be an ISO-8601 date');
  });

  it('maps a rejected workflow step to 409 with status', async () => {
    const response = await request(app.getHttpServer()).get('/conflict');
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'no report yet', status: 'RECTIFYING' });
  });

  it('hides unexpected errors behind a generic 500', async () => {
    const response = await request(app.getHttpServer()).get('/crash');
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('SELECT');
  });

  it('answers unknown routes with 404 in the contract shape', async () => {
    const response = await request(app.getHttpServer()).get('/nowhere');
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
