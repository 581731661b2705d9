import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AppConfigService } from '@reform/config';
import type { Principal } from '@reform/contracts';
import type { LedgerRow } from '@reform/contracts';
import { LedgerQueries, type LedgerFilter } from '@reform/persistence';
import type { NextFunction, Request, Response } from 'express';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { AccessScope } from '../auth/access-scope';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { TooManyExportsError } from '../errors/too-many-exports.error';
import { OrgRegister } from '../organisation/org-register';
import { orgUnit, registerOf, ROOT } from '../testing/fake-register';
import { attachment, LedgerController, XLSX_TYPE } from './ledger.controller';
import { LedgerService, MAX_CONCURRENT_EXPORTS } from './ledger.service';
import type { LedgerQuery } from './dto/ledger.query';

const ROW: LedgerRow = {
  findingId: 'f1',
  caseId: 'c1',
  caseCode: 'ZG-2026-0001',
  caseTitle: '案件',
  title: '问题一',
  unitId: 'U1',
  unitName: '一号单位',
  trackingOfficeId: 'OFFICE-1',
  trackingOfficeName: '第一纪检监察室',
  recommendationId: null,
  recommendationDocNo: null,
  responsiblePerson: null,
  dueAt: '2026-10-08T10:00:00.000Z',
  status: 'ASSIGNED',
  overdue: false,
  escalationLevel: 0,
  accountability: 'none',
  accountabilityForm: null,
  fourForm: null,
  createdAt: '2026-09-01T00:00:00.000Z',
  closedAt: null,
};
const config = { workingDays: { timeZone: 'Asia/Shanghai' } } as unknown as AppConfigService;
const UNITS = [ROOT, orgUnit('OFFICE-1', 'office', 'ROOT'), orgUnit('U1', 'unit', 'OFFICE-1'), orgUnit('U2', 'unit', 'ROOT')];

describe('GET /ledger over HTTP', () => {
  let app: INestApplication;
  let user: Principal = { id: 's1', name: 'Sup', roles: ['supervisor'] };
  const filters: LedgerFilter[] = [];
  const queries = {
    page: jest.fn(async (filter: LedgerFilter) => {
      filters.push(filter);
      return { items: [ROW], total: 7 };
    }),
    stream: jest.fn(async function* (filter: LedgerFilter) {
      filters.push(filter);
      yield [ROW];
    }),
  };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [LedgerController],
      providers: [
        LedgerService,
        AccessScope,
        { provide: OrgRegister, useValue: registerOf(UNITS).register },
        { provide: LedgerQueries, useValue: queries },
        { provide: AppConfigService, useValue: config },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.use((req: Request & { user?: Principal }, _: Response, next: NextFunction) => {
      req.user = user;
      next();
    });
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    await app.init();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    filters.length = 0;
    user = { id: 's1', name: 'Sup', roles: ['supervisor'] };
  });

  it('answers a JSON page with 序号 counted across pages, and turns date ranges into Beijing days', async () => {
    const response = await request(app.getHttpServer()).get('/ledger?page=3&pageSize=10&dueFrom=2026-10-01&dueTo=2026-10-31&overdue=true');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [{ seq: 21, ...ROW }], total: 7 });
    expect(filters[0]).toMatchObject({
      overdue: true,
      due: { from: '2026-09-30T16:00:00.000Z', before: '2026-10-31T16:00:00.000Z' },
      created: undefined,
    });
  });

  it('names the download by the business date, not the UTC one', () => {
    // 2026-12-01 17:30 UTC is already 2 December in Beijing.
    const late = Date.parse('2026-12-01T17:30:00Z');
    expect(attachment('csv', 'Asia/Shanghai', late)).toContain('filename="ledger-20261202.csv"');
    expect(attachment('xlsx', 'UTC', late)).toContain('filename="ledger-20261201.xlsx"');
  });

  it('streams CSV for Accept: text/csv and XLSX for the spreadsheet type, as attachments', async () => {
    const csv = await request(app.getHttpServer()).get('/ledger').set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="ledger-\d{8}\.csv"; filename\*=UTF-8''%E5%8F%B0%E8%B4%A6-/);
    expect(csv.text.split('\r\n')[1]).toBe('1,ZG-2026-0001,案件,问题一,一号单位,,2026-10-08 18:00,已交办,否,无,无,,,第一纪检监察室,,');
    const xlsx = await request(app.getHttpServer())
      .get('/ledger')
      .set('Accept', XLSX_TYPE)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('lets ?format= choose instead of Accept, and answers 406 for a type it cannot make', async () => {
    const csv = await request(app.getHttpServer()).get('/ledger?format=csv').set('Accept', 'application/json');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const pdf = await request(app.getHttpServer()).get('/ledger').set('Accept', 'application/pdf');
    expect(pdf.status).toBe(406);
    expect(pdf.body.message).toContain('text/csv');
    const bad = await request(app.getHttpServer()).get('/ledger?format=pdf&dueFrom=soon');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/dueFrom must be an ISO-8601 date/);
  });

  it('confines a unit user to its own unit, and gives it nothing for another unit', async () => {
    user = { id: 'u1', name: 'Unit', roles: ['unit'], unitId: 'U1' };
    await request(app.getHttpServer()).get('/ledger');
    expect(filters[0]).toMatchObject({ unitId: 'U1' });
    const other = await request(app.getHttpServer()).get('/ledger?unitId=U2');
    expect(other.body).toEqual({ items: [], total: 0 });
    const csv = await request(app.getHttpServer()).get('/ledger?unitId=U2&format=csv');
    expect(csv.text.trim().split('\r\n')).toHaveLength(1);
    expect(filters).toHaveLength(1);
  });

  it('confines a supervisor with an org unit to its jurisdiction, in the JSON page and in the export', async () => {
    user = { id: 's2', name: 'Sup', roles: ['supervisor'], orgUnitId: 'OFFICE-1' };
    const within = [{ everything: false, unitIds: ['U1'], trackingOfficeIds: ['OFFICE-1'] }];
    await request(app.getHttpServer()).get('/ledger?unitId=U2');
    await request(app.getHttpServer()).get('/ledger?format=csv');
    expect(filters).toEqual([expect.objectContaining({ unitId: 'U2', within }), expect.objectContaining({ unitId: undefined, within })]);
  });
});

describe('LedgerService.export', () => {
  it(`runs at most ${MAX_CONCURRENT_EXPORTS} exports at once and answers 429 beyond`, async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queries = {
      stream: async function* () {
        await gate;
        yield [ROW];
      },
    } as unknown as LedgerQueries;
    const service = new LedgerService(queries, config, registerOf(UNITS).scope);
    const user: Principal = { id: 's1', name: 'Sup', roles: ['supervisor'] };
    const query = { page: 1, pageSize: 50 } as LedgerQuery;
    const sink = () => new PassThrough().resume();
    const running = Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => service.export('csv', query, user, sink()));
    await expect(service.export('csv', query, user, sink())).rejects.toBeInstanceOf(TooManyExportsError);
    release();
    await Promise.all(running);
    await expect(service.export('csv', query, user, sink())).resolves.toBeUndefined();
  });
});
