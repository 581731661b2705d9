import { Workbook } from 'exceljs';
import { InvalidInputError } from '../../errors/invalid-input.error';
import { readIntakeFile } from './intake-file.reader';

const BOM = '\uFEFF';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('问题清单');
  rows.forEach((row) => sheet.addRow(row));
  workbook.addWorksheet('ignored').addRow(['not', 'read']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readIntakeFile', () => {
  it('reads a UTF-8 CSV with a BOM, skipping blank lines but keeping the row numbers Excel shows', async () => {
    const csv = `${BOM}问题,责任单位,整改时限\r\n"制度缺失, 待补",U1,2099-01-01\r\n,,\r\n\r\n审批不严,U2,2099-02-01\r\n`;
    const sheet = await readIntakeFile(Buffer.from(csv), 200);
    expect(sheet.header).toEqual(['问题', '责任单位', '整改时限']);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: ['制度缺失, 待补', 'U1', '2099-01-01'] },
      { rowNumber: 5, cells: ['审批不严', 'U2', '2099-02-01'] },
    ]);
    expect(sheet.truncated).toBe(false);
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030)', async () => {
    const gb = Buffer.from(
      'ceca cce2 2c d4f0 c8ce b5a5 cebb 2c d5fb b8c4 cab1 cfde 0d0a d6c6 b6c8 2c 5531 2c 32303939 2d30312d3031'.replace(/ /g, ''),
      'hex',
    );
    const sheet = await readIntakeFile(gb, 200);
    expect(sheet.header).toEqual(['问题', '责任单位', '整改时限']);
    expect(sheet.rows[0].cells).toEqual(['制度', 'U1', '2099-01-01']);
  });

  it('reads the first sheet of an XLSX: shared strings, numbers, dates, rich text and formulas', async () => {
    const buffer = await xlsx([
      ['问题', '责任单位', '整改时限', '整改时限(工作日)'],
      ['制度缺失', 'U1', new Date('2099-03-31T00:00:00Z'), null],
      [],
      [{ richText: [{ text: '审批' }, { text: '不严' }] }, 'U2', null, { formula: '2*5', result: 10 }],
    ]);
    const sheet = await readIntakeFile(buffer, 200);
    expect(sheet.header).toEqual(['问题', '责任单位', '整改时限', '整改时限(工作日)']);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: ['制度缺失', 'U1', new Date('2099-03-31T00:00:00Z')] },
      { rowNumber: 4, cells: ['审批不严', 'U2', null, 10] },
    ]);
  });

  it('keeps at most maxRows data rows and says there were more', async () => {
    const buffer = await xlsx([['问题'], ['a'], ['b'], ['c']]);
    const sheet = await readIntakeFile(buffer, 2);
    expect(sheet.rows.map((row) => row.cells[0])).toEqual(['a', 'b']);
    expect(sheet.truncated).toBe(true);
    const csv = await readIntakeFile(Buffer.from('问题\na\nb\nc\n'), 2);
    expect(csv).toMatchObject({ truncated: true, rows: [{ cells: ['a'] }, { cells: ['b'] }] });
  });

  it.each([
    ['an old .xls workbook', Buffer.from('d0cf11e0a1b11ae1', 'hex'), /Excel 97-2003 workbook \(\.xls\)/],
    ['a broken zip', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(40)]), /not a readable XLSX workbook/],
    ['an unbalanced quote', Buffer.from('问题\n"open'), /neither an XLSX workbook nor a readable CSV/],
    ['nothing at all', Buffer.from('\n\n'), /file is empty/],
  ])('refuses %s with a 400 saying why', async (_, buffer, message) => {
    const reading = readIntakeFile(buffer, 200);
    await expect(reading).rejects.toBeInstanceOf(InvalidInputError);
    await expect(reading).rejects.toThrow(message);
  });
});
