import type { LedgerRow } from '@reform/contracts';
import { Workbook } from 'exceljs';
import { PassThrough } from 'node:stream';
import { LEDGER_HEADERS } from './ledger-columns';
import { writeLedgerCsv } from './ledger-csv.writer';
import { writeLedgerXlsx } from './ledger-xlsx.writer';

const row = (overrides: Partial<LedgerRow> = {}): LedgerRow => ({
  findingId: 'f1',
  caseId: 'c1',
  caseCode: 'ZG-2026-0001',
  caseTitle: '某局违规发放津补贴案',
  title: '津补贴审批把关不严',
  unitId: 'U-FIN',
  unitName: '财政局',
  trackingOfficeId: 'OFFICE-1',
  trackingOfficeName: '第一纪检监察室',
  recommendationId: 'r1',
  recommendationDocNo: '纪建〔2026〕3号',
  responsiblePerson: '王芳',
  dueAt: '2026-10-08T10:00:00.000Z',
  status: 'RECTIFYING',
  overdue: true,
  escalationLevel: 2,
  accountability: 'none',
  accountabilityForm: null,
  fourForm: null,
  createdAt: '2026-09-01T00:00:00.000Z',
  closedAt: null,
  ...overrides,
});

const ROWS = [
  row(),
  row({
    findingId: 'f2',
    title: '=cmd|calc',
    responsiblePerson: null,
    status: 'CLOSED',
    overdue: false,
    escalationLevel: 0,
    accountability: 'decided',
    accountabilityForm: '诫勉',
    fourForm: 2,
    closedAt: '2026-09-30T17:00:00.000Z',
    // Without names in the register the codes are printed.
    unitName: null,
    trackingOfficeId: null,
    trackingOfficeName: null,
    recommendationId: null,
    recommendationDocNo: null,
  }),
];

async function* batches(...groups: LedgerRow[][]): AsyncGenerator<LedgerRow[]> {
  yield* groups;
}

async function written(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

describe('ledger exports', () => {
  it('CSV: a BOM, Chinese headers, CRLF lines, Beijing wall-clock times and formula-proof text', async () => {
    const csv = await written((out) => writeLedgerCsv(batches([ROWS[0]], [ROWS[1]]), out, 'Asia/Shanghai'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1).split('\r\n')).toEqual([
      '序号,案件编号,案件名称,问题,责任单位,责任人,整改时限,整改状态,是否逾期,督办层级,问责情况,问责方式,形态,跟踪单位,建议书文号,销号日期',
      '1,ZG-2026-0001,某局违规发放津补贴案,津补贴审批把关不严,财政局,王芳,2026-10-08 18:00,整改中,是,约谈,无,,,第一纪检监察室,纪建〔2026〕3号,',
      "2,ZG-2026-0001,某局违规发放津补贴案,'=cmd|calc,U-FIN,,2026-10-08 18:00,已销号,否,无,已作出问责决定,诫勉,第二种形态,,,2026-10-01",
      '',
    ]);
  });

  it('CSV: headers only when nothing matches', async () => {
    const csv = await written((out) => writeLedgerCsv(batches(), out, 'Asia/Shanghai'));
    expect(csv.toString('utf8')).toBe(`\uFEFF${LEDGER_HEADERS.join(',')}\r\n`);
  });

  it('XLSX: headers in a bold frozen first row with a filter, widths, numbers, text and real dates', async () => {
    const sheet = await xlsxSheet();
    expect(sheet.getRow(1).values).toEqual([undefined, ...LEDGER_HEADERS]);
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:P1');
    expect(sheet.columns.map((column) => column.width)).toEqual([7, 15, 32, 44, 18, 10, 18, 12, 10, 10, 12, 12, 12, 18, 20, 12]);
    expect(sheet.rowCount).toBe(3);
    const second = sheet.getRow(3);
    expect(second.getCell(1).value).toBe(2);
    expect(second.getCell(4).value).toBe('=cmd|calc'); // a string cell, never a formula
    expect(second.getCell(6).value).toBeNull();
    expect(second.getCell(column('整改时限')).value).toEqual(new Date('2026-10-08T18:00:00Z')); // the wall clock in Beijing
    expect(second.getCell(column('整改时限')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(second.getCell(column('销号日期')).value).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect([8, 9, 10, 11, 12, 13].map((index) => second.getCell(index).value)).toEqual([
      '已销号',
      '否',
      '无',
      '已作出问责决定',
      '诫勉',
      '第二种形态',
    ]);
    expect([12, 13].map((index) => sheet.getRow(2).getCell(index).value)).toEqual([null, null]);
    const names = [column('责任单位'), column('跟踪单位')];
    expect(names.map((index) => sheet.getRow(2).getCell(index).value)).toEqual(['财政局', '第一纪检监察室']);
    expect(names.map((index) => second.getCell(index).value)).toEqual(['U-FIN', null]);
  });

  it('XLSX: 销号日期 is formatted as a day (yyyy-mm-dd), and no text column carries a date format', async () => {
    const sheet = await xlsxSheet();
    expect(sheet.getRow(3).getCell(column('销号日期')).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getColumn(column('跟踪单位')).numFmt).toBeUndefined();
  });
});

/** The 1-based spreadsheet column of a header. */
function column(header: string): number {
  const index = LEDGER_HEADERS.indexOf(header);
  if (index < 0) throw new Error(`no ledger column ${header}`);
  return index + 1;
}

async function xlsxSheet() {
  const xlsx = await written((out) => writeLedgerXlsx(batches(ROWS), out, 'Asia/Shanghai'));
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('台账');
  if (!sheet) throw new Error('no 台账 sheet');
  return sheet;
}
