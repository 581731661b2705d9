import { Workbook } from 'exceljs';
import { InvalidInputError } from '../errors/invalid-input.error';
import { MAX_REGISTER_ROWS, orgUnitRows } from './org-unit-import';

const csv = (text: string) => ({ originalname: '组织机构.csv', buffer: Buffer.from(text), size: Buffer.byteLength(text) });
const ID_RULE = 'must be 1-40 letters, digits, "_" or "-", starting with a letter or digit';
const KIND_RULE =
  '类型 must be one of 纪委监委, 纪检监察室, 派驻纪检监察组, 乡镇纪委, 责任单位 (or commission, office, stationed_group, township_commission, unit)';

describe('orgUnitRows', () => {
  it('reads codes, names, kinds by their Chinese names or codes, and parents (none for the root)', async () => {
    const { rows, problems } = await orgUnitRows(
      csv(
        [
          '编码,名称,类型,上级编码',
          'ROOT,县纪委监委,纪委监委,',
          'OFF-1,第一纪检监察室,纪检监察室,ROOT',
          'GRP-1,派驻第一纪检监察组,派驻纪检监察组,ROOT',
          'TWN-1,城关镇纪委,乡镇纪委,ROOT',
          'U-FIN,县财政局,责任单位,OFF-1',
          'U-EDU, 县教育局 ,unit,OFF-1',
          'OFF-2,第二纪检监察室,office,ROOT',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { rowNumber: 2, id: 'ROOT', name: '县纪委监委', kind: 'commission', parentId: null },
      { rowNumber: 3, id: 'OFF-1', name: '第一纪检监察室', kind: 'office', parentId: 'ROOT' },
      { rowNumber: 4, id: 'GRP-1', name: '派驻第一纪检监察组', kind: 'stationed_group', parentId: 'ROOT' },
      { rowNumber: 5, id: 'TWN-1', name: '城关镇纪委', kind: 'township_commission', parentId: 'ROOT' },
      { rowNumber: 6, id: 'U-FIN', name: '县财政局', kind: 'unit', parentId: 'OFF-1' },
      { rowNumber: 7, id: 'U-EDU', name: '县教育局', kind: 'unit', parentId: 'OFF-1' },
      { rowNumber: 8, id: 'OFF-2', name: '第二纪检监察室', kind: 'office', parentId: 'ROOT' },
    ]);
    // Without a 监督单位 column a row says nothing of supervision: the register's list stays.
    expect(rows.every((row) => !('supervises' in row))).toBe(true);
  });

  it('splits 监督单位 on ";" (or "；"), trimming, dropping blanks and repeats; an empty cell supervises nothing', async () => {
    const { rows, problems } = await orgUnitRows(
      csv(
        [
          '编码,名称,类型,上级编码,监督单位',
          'GRP-1,派驻第一纪检监察组,派驻纪检监察组,ROOT,U-HR; U-FIN;;U-HR',
          'GRP-2,派驻第二纪检监察组,派驻纪检监察组,ROOT,U-EDU；U-HEALTH',
          'OFF-1,第一纪检监察室,纪检监察室,ROOT,',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.id, row.supervises])).toEqual([
      ['GRP-1', ['U-FIN', 'U-HR']],
      ['GRP-2', ['U-EDU', 'U-HEALTH']],
      ['OFF-1', []],
    ]);
  });

  it('lists every bad row with its row number and code, every reason of each, and keeps the good rows', async () => {
    const { rows, problems } = await orgUnitRows(
      csv(
        [
          '编码,名称,类型,上级编码,监督单位',
          'OFF-1,第一纪检监察室,纪检监察室,ROOT,',
          'U 1,财政局,责任单位,OFF-1,',
          'OFF-1,重复的编码,纪检监察室,ROOT,',
          'U-2,,局,ROOT,',
          `U-3,${'名'.repeat(101)},责任单位,ROOT,`,
          'U-4,人社局,责任单位,OFF 1,',
          'GRP-1,派驻组,派驻纪检监察组,ROOT,U-FIN;U HR',
          ',无编码,责任单位,ROOT,',
          'U-OK,好的单位,责任单位,OFF-1,',
        ].join('\n'),
      ),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      `row 3 (U 1): 编码 ${ID_RULE}`,
      'row 4 (OFF-1): 编码 "OFF-1" is already on row 2',
      'row 5 (U-2): 名称 is required',
      `row 5 (U-2): ${KIND_RULE}`,
      'row 6 (U-3): 名称 must be at most 100 characters',
      `row 7 (U-4): 上级编码 ${ID_RULE}`,
      `row 8 (GRP-1): 监督单位 names "U HR", which ${ID_RULE}`,
      `row 9 (no code): 编码 ${ID_RULE}`,
    ]);
    // Each as a client words it: the row, the org unit's field, the rule.
    expect(problems.map(({ row, field, rule, limit }) => [row, field, rule, limit])).toEqual([
      [3, 'id', 'format', undefined],
      [4, 'id', 'duplicate', undefined],
      [5, 'name', 'required', undefined],
      [5, 'kind', 'oneOf', undefined],
      [6, 'name', 'tooLong', 100],
      [7, 'parentId', 'format', undefined],
      [8, 'supervises', 'format', undefined],
      [9, 'id', 'format', undefined],
    ]);
    expect(rows.map((row) => [row.rowNumber, row.id])).toEqual([
      [2, 'OFF-1'],
      [10, 'U-OK'],
    ]);
  });

  it('reads an XLSX register the same way', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('组织机构');
    [
      ['编码', '名称', '类型', '上级编码', '监督单位'],
      ['GRP-1', '派驻纪检监察组', '派驻纪检监察组', 'ROOT', 'U-FIN;U-HR'],
      ['U-FIN', '财政局', '责任单位', 'ROOT', null],
    ].forEach((row) => sheet.addRow(row));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { rows, problems } = await orgUnitRows({ originalname: '组织机构.xlsx', buffer, size: buffer.length });
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { rowNumber: 2, id: 'GRP-1', name: '派驻纪检监察组', kind: 'stationed_group', parentId: 'ROOT', supervises: ['U-FIN', 'U-HR'] },
      { rowNumber: 3, id: 'U-FIN', name: '财政局', kind: 'unit', parentId: 'ROOT', supervises: [] },
    ]);
  });

  it('refuses a file without the required columns, naming each one missing', async () => {
    const reading = orgUnitRows(csv('编码,上级编码\nU-1,ROOT\n'));
    await expect(reading).rejects.toBeInstanceOf(InvalidInputError);
    await expect(reading).rejects.toThrow('file lacks the columns 名称, 类型 in its first row');
    await expect(orgUnitRows(csv('编码,名称,类型\nU-1,财政局,责任单位\n'))).rejects.toThrow(
      'file lacks the column 上级编码 in its first row',
    );
    // The header's cells are trimmed before they are matched.
    await expect(orgUnitRows(csv(' 编码 ,名称, 类型,上级编码 \nU-1,财政局,责任单位,ROOT\n'))).resolves.toMatchObject({ problems: [] });
  });

  it('refuses no file, a file with no rows, and one with too many', async () => {
    await expect(orgUnitRows(undefined)).rejects.toThrow(/^file is required/);
    await expect(orgUnitRows(csv('编码,名称,类型,上级编码\n'))).rejects.toThrow('file has no org units below its header row');
    const many = ['编码,名称,类型,上级编码', ...Array.from({ length: MAX_REGISTER_ROWS + 1 }, (_, i) => `U-${i},单位${i},责任单位,ROOT`)];
    await expect(orgUnitRows(csv(many.join('\n')))).rejects.toThrow(`file has more than ${MAX_REGISTER_ROWS} rows; split it`);
  });
});
