import { InvalidInputError } from '../../errors/invalid-input.error';
import type { RawCell, Sheet } from './intake-file.reader';
import { intakeFindings, type IntakeClock, type IntakeUnits } from './intake-rows';

const clock: IntakeClock = {
  timeZone: 'Asia/Shanghai',
  deadlineTime: '18:00',
  afterWorkingDays: (days) => {
    if (days > 300) throw new InvalidInputError('dueInWorkingDays cannot be counted: no data for 2099');
    return `2099-01-${String(days).padStart(2, '0')}T10:00:00.000Z`;
  },
};
/** The register as intake asks it: U-FIN (财政局), U-HR and U1 are registered, active units; U-OLD is not active. */
const REGISTERED: Record<string, string> = { 'U-FIN': '财政局', 'U-HR': '人社局', U1: '一号单位' };
const units: IntakeUnits = {
  idFor: async (text) => Object.entries(REGISTERED).find(([, name]) => name === text)?.[0] ?? text,
  refusal: async (unitId) => {
    if (unitId === 'U-OLD') return { rule: 'notAssignable', message: `unit "${unitId}" is not active` };
    return unitId in REGISTERED ? null : { rule: 'unknownReference', message: `unknown unit "${unitId}"` };
  },
};
const HEADER = ['序号', '问题', '问题描述', '责任单位', '责任人', '整改时限', '整改时限（工作日）'];
const sheet = (rows: RawCell[][], header = HEADER, truncated = false): Sheet => ({
  header,
  rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })),
  truncated,
});

describe('intakeFindings', () => {
  it('reads every way of writing a deadline, in Beijing time, and defaults the description to the title', async () => {
    const { findings, problems } = await intakeFindings(
      sheet([
        [1, '制度缺失', '未建立比价制度', 'U-FIN', '张三', '2099-03-31', null],
        [2, '审批不严', null, 'U-FIN', null, '2099/3/5', ''],
        [3, '台账不全', null, 'U-HR', null, '2099年3月5日', null],
        [4, '接待超标', null, 'U-HR', null, '2099-03-05 09:30', null],
        [5, '公车私用', null, 'U-HR', null, new Date('2099-03-05T00:00:00Z'), null],
        [6, '考勤造假', null, 'U-HR', null, '2099-03-05T09:30:00Z', null],
        [7, '资金闲置', null, 'U-HR', null, null, 10],
        [8, '档案缺失', null, 'U-HR', null, '12个工作日', null],
        [9, "'=HYPERLINK()", null, 'U-HR', null, null, '3'],
      ]),
      clock,
      200,
      units,
    );
    expect(problems).toEqual([]);
    expect(findings.map((f) => f.dueAt)).toEqual([
      '2099-03-31T10:00:00.000Z',
      '2099-03-05T10:00:00.000Z',
      '2099-03-05T10:00:00.000Z',
      '2099-03-05T01:30:00.000Z',
      '2099-03-05T10:00:00.000Z',
      '2099-03-05T09:30:00.000Z',
      '2099-01-10T10:00:00.000Z',
      '2099-01-12T10:00:00.000Z',
      '2099-01-03T10:00:00.000Z',
    ]);
    expect(findings[0]).toMatchObject({ title: '制度缺失', description: '未建立比价制度', unitId: 'U-FIN', responsiblePerson: '张三' });
    expect(findings[1]).toMatchObject({ description: '审批不严', responsiblePerson: undefined });
    expect(findings[8].title).toBe('=HYPERLINK()');
    expect(findings.every((f) => f.dueInWorkingDays === undefined)).toBe(true);
  });

  it("lists every bad row with every reason, in the columns' words, and each refused cell with its row, field and rule", async () => {
    const { problems, fieldProblems } = await intakeFindings(
      sheet([
        [1, '好的问题', null, 'U1', null, '2099-01-01', null],
        [2, null, null, null, null, null, null, 'x'],
        [3, '过去的时限', null, 'U1', null, '2020-01-01', null],
        [4, '两个时限', null, 'U1', null, '2099-01-01', 5],
        [5, '看不懂的时限', null, 'U 1', null, 'next friday', null],
        [6, '不存在的日子', null, 'U1', null, '2099-02-30', null],
        [7, '太多工作日', null, 'U1', null, null, 400],
        [8, '日历外的年份', null, 'U1', null, null, 301],
        [9, 'x'.repeat(201), null, 'U1', null, null, 'ten'],
      ]),
      clock,
      200,
      units,
    );
    expect(problems).toEqual([
      'row 3: 整改时限 is required (a date, or a number of working days), 问题 is required, 责任单位 is required',
      'row 4: 整改时限 must be in the future',
      'row 5: give 整改时限 or 整改时限(工作日), not both',
      expect.stringMatching(/^row 6: 整改时限 must be a date \(2026-03-31.*, 责任单位 may contain only letters/),
      expect.stringMatching(/^row 7: 整改时限 must be a date .*; 2099-02-30 is not a day$/),
      'row 8: 整改时限(工作日) must be a whole number of working days from 1 to 366',
      'row 9: dueInWorkingDays cannot be counted: no data for 2099',
      'row 10: 整改时限(工作日) must be a whole number of working days, such as 10, 问题 must be at most 200 characters',
    ]);
    expect(fieldProblems).toEqual([
      { row: 3, field: 'dueAt', rule: 'required' },
      { row: 3, field: 'title', rule: 'required' },
      { row: 3, field: 'unitId', rule: 'required' },
      { row: 4, field: 'dueAt', rule: 'notInFuture' },
      { row: 5, field: 'dueAt', rule: 'exclusive' },
      { row: 6, field: 'dueAt', rule: 'format' },
      { row: 6, field: 'unitId', rule: 'format' },
      { row: 7, field: 'dueAt', rule: 'format' },
      { row: 8, field: 'dueInWorkingDays', rule: 'outOfRange', limit: 366 },
      { row: 9, field: 'dueInWorkingDays', rule: 'outOfRange' },
      { row: 10, field: 'dueInWorkingDays', rule: 'format' },
      { row: 10, field: 'title', rule: 'tooLong', limit: 200 },
    ]);
  });

  it('refuses a header it cannot map before looking at rows', async () => {
    const { problems, fieldProblems } = await intakeFindings(sheet([['a', 'b']], ['问题', '整改状态', '问题']), clock, 200, units);
    expect(problems).toEqual([
      'row 1: column "整改状态" is not an intake column (use 问题, 问题描述, 问题类别, 责任单位, 责任人, 整改时限, 整改时限(工作日))',
      'row 1: column 问题 appears twice',
      'row 1: the header has no 责任单位 column',
      'row 1: the header has neither a 整改时限 nor a 整改时限(工作日) column',
    ]);
    expect(fieldProblems).toEqual([
      { row: 1, field: 'file', rule: 'unknownField' },
      { row: 1, field: 'title', rule: 'tooMany', limit: 1 },
      { row: 1, field: 'unitId', rule: 'required' },
      { row: 1, field: 'dueAt', rule: 'required' },
    ]);
  });

  it("accepts the API's field names as headers, and says when there are no rows or too many", async () => {
    const english = await intakeFindings(sheet([['t', 'U1', '2099-01-01']], ['title', 'unitId', 'dueAt']), clock, 200, units);
    expect(english).toMatchObject({ problems: [], findings: [{ title: 't', unitId: 'U1' }] });
    const none = await intakeFindings(sheet([], ['问题', '责任单位', '整改时限']), clock, 200, units);
    expect(none.problems).toEqual(['the file has no findings below its header row']);
    expect(none.fieldProblems).toEqual([{ field: 'file', rule: 'tooFew', limit: 1 }]);
    const many = await intakeFindings(sheet([['t', 'U1', '2099-01-01']], ['问题', '责任单位', '整改时限'], true), clock, 1, units);
    expect(many.problems).toEqual(['the file has more than 1 findings; a case takes at most 1, split it']);
    expect(many.fieldProblems).toEqual([{ field: 'file', rule: 'tooMany', limit: 1 }]);
  });

  it('takes a unit by its code or its registered name, and lists every row whose unit nobody would see', async () => {
    const { findings, rowNumbers, problems, fieldProblems } = await intakeFindings(
      sheet([
        [1, '按名称', null, '财政局', null, '2099-01-01', null],
        [2, '按编码', null, 'U-HR', null, '2099-01-01', null],
        [3, '未登记', null, 'U9', null, '2099-01-01', null],
        [4, '已停用', null, 'U-OLD', null, '2099-01-01', null],
        [5, '未登记的名称', null, '不存在局', null, '2099-01-01', null],
      ]),
      clock,
      200,
      units,
    );
    expect(findings.slice(0, 2).map((finding) => finding.unitId)).toEqual(['U-FIN', 'U-HR']);
    expect(rowNumbers).toEqual([2, 3, 4, 5, 6]);
    expect(problems).toEqual([
      'row 4: 责任单位 unknown unit "U9"',
      'row 5: 责任单位 unit "U-OLD" is not active',
      // A name the register does not have is not a code either.
      'row 6: 责任单位 may contain only letters, digits, "_", "." and "-"',
    ]);
    expect(fieldProblems).toEqual([
      { row: 4, field: 'unitId', rule: 'unknownReference' },
      { row: 5, field: 'unitId', rule: 'notAssignable' },
      { row: 6, field: 'unitId', rule: 'format' },
    ]);
  });
});
