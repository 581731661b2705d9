import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Principal } from '@reform/contracts';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { AllExceptionsFilter } from '../../errors/all-exceptions.filter';
import { InvalidInputError } from '../../errors/invalid-input.error';
import { CaseImportController, MAX_IMPORT_FILE_BYTES } from './case-import.controller';
import { CaseImportService } from './case-import.service';

const officer: Principal = { id: 'o1', name: 'Officer', roles: ['officer'] };
const CSV = Buffer.from('问题,责任单位,整改时限\n制度缺失,U1,2099-01-01\n');

describe('POST /cases/import over HTTP (multipart)', () => {
  let app: INestApplication;
  const importFile = jest.fn();
  const previewFile = jest.fn();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [CaseImportController],
      providers: [
        { provide: CaseImportService, useValue: { import: importFile, preview: previewFile } },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.use((req: Request & { user?: Principal }, _: Response, next: NextFunction) => {
      req.user = officer;
      next();
    });
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    await app.init();
  });
  afterAll(() => app.close());

  const upload = (file: Buffer, fields: Record<string, string> = { title: '案件', summary: '案情', source: 'audit' }) => {
    let call = request(app.getHttpServer()).post('/cases/import').attach('file', file, '问题清单.csv');
    for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
    return call;
  };

  it('hands the file and the case fields to the service: 201 for a new case, 200 for a replayed file', async () => {
    importFile
      .mockResolvedValueOnce({ opened: { id: 'c1' }, created: true })
      .mockResolvedValueOnce({ opened: { id: 'c1' }, created: false });
    const first = await upload(CSV);
    const again = await upload(CSV);
    expect([first.status, again.status]).toEqual([201, 200]);
    const [file, dto, user] = importFile.mock.calls[0];
    expect(file).toMatchObject({ originalname: '问题清单.csv', size: CSV.length });
    expect(file.buffer.equals(CSV)).toBe(true);
    expect(dto).toEqual({ title: '案件', summary: '案情', source: 'audit' });
    expect(user).toBe(officer);
  });

  it('answers a dry run (dryRun=true) with the preview, 200, without importing', async () => {
    importFile.mockClear();
    previewFile.mockResolvedValueOnce({ dryRun: true, findings: [] });
    const response = await upload(CSV, { title: '案件', summary: '案情', source: 'audit', dryRun: 'true' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ dryRun: true, findings: [] });
    expect(previewFile.mock.calls[0][1]).toEqual({ title: '案件', summary: '案情', source: 'audit', dryRun: true });
    expect(importFile).not.toHaveBeenCalled();
  });

  it('checks a file in a dry run before the case fields are typed, but never imports without them', async () => {
    previewFile.mockResolvedValueOnce({ dryRun: true, findings: [] });
    const early = await upload(CSV, { dryRun: 'true' });
    expect(early.status).toBe(200);
    const half = await upload(CSV, { dryRun: 'true', title: '' });
    expect(half.status).toBe(400);
    expect(half.body.message).toMatch(/title must not be empty/);
    const real = await upload(CSV, { dryRun: 'false' });
    expect(real.status).toBe(400);
    expect(real.body.message).toMatch(/title is required/);
  });

  it('imports for real with dryRun=false, and refuses a dryRun that is not a flag', async () => {
    importFile.mockClear();
    importFile.mockResolvedValueOnce({ opened: { id: 'c2' }, created: true });
    const real = await upload(CSV, { title: '案件', summary: '案情', source: 'audit', dryRun: 'false' });
    expect(real.status).toBe(201);
    expect(importFile).toHaveBeenCalledTimes(1);
    const odd = await upload(CSV, { title: '案件', summary: '案情', source: 'audit', dryRun: 'yes' });
    expect(odd.status).toBe(400);
    expect(odd.body.message).toMatch(/dryRun must be a boolean/);
  });

  it('carries the row problems of a refused file into the 400 body', async () => {
    previewFile.mockRejectedValueOnce(
      new InvalidInputError('file x.csv was not imported, nothing was created (1 problem): row 2: 问题 is required', 'file', [
        { row: 2, field: 'title', rule: 'required' },
      ]),
    );
    const response = await upload(CSV, { title: '案件', summary: '案情', source: 'audit', dryRun: 'true' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'file',
      problems: [{ row: 2, field: 'title', rule: 'required' }],
    });
  });

  it('checks the case fields like POST /cases does', async () => {
    const response = await upload(CSV, { title: '案件', source: 'rumour', extra: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/summary is required/);
    expect(response.body.message).toMatch(/source must be one of the following values/);
    expect(response.body.message).toMatch(/property extra should not exist/);
  });

  it(`answers 413 for a file over ${MAX_IMPORT_FILE_BYTES} bytes and 400 for a second file`, async () => {
    const big = await upload(Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 0x41));
    expect(big.status).toBe(413);
    const two = await request(app.getHttpServer()).post('/cases/import').attach('file', CSV, 'a.csv').attach('file', CSV, 'b.csv');
    expect(two.status).toBe(400);
  });
});
