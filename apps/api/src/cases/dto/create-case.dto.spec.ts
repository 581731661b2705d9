import { validationMessages } from '../../testing/validate-body';
import { CreateCaseDto } from './create-case.dto';
import { NewFindingDto } from './new-finding.dto';

const future = () => new Date(Date.now() + 86_400_000).toISOString();
const finding = (overrides: Record<string, unknown> = {}) => ({
  title: 'Procurement approvals bypassed',
  description: 'Contracts were split to stay under the tender threshold.',
  unitId: 'U1',
  dueAt: future(),
  ...overrides,
});
const body = (overrides: Record<string, unknown> = {}) => ({
  title: 'Case of the split contracts',
  summary: 'An official split contracts to avoid tendering.',
  source: 'inspection',
  findings: [finding()],
  ...overrides,
});

describe('CreateCaseDto', () => {
  it('accepts a complete case', async () => {
    expect(
      await validationMessages(CreateCaseDto, body({ findings: [finding({ category: 'procurement', responsiblePerson: 'Wang' })] })),
    ).toEqual([]);
  });

  it.each([
    ['unknown field', body({ extra: 1 }), 'property extra should not exist'],
    ['unknown nested field', body({ findings: [finding({ owner: 'x' })] }), 'findings.0.property owner should not exist'],
    ['missing title', body({ title: undefined }), 'title is required'],
    ['title of the wrong type', body({ title: 42 }), 'title must be a string'],
    ['blank title', body({ title: '   ' }), 'title must not be empty'],
    ['title too long', body({ title: 'x'.repeat(201) }), 'title must be at most 200 characters'],
    ['summary too long', body({ summary: 'x'.repeat(10_001) }), 'summary must be at most 10000 characters'],
    ['unknown source', body({ source: 'rumour' }), 'source must be one of the following values: inspection, audit, review, report, other'],
    ['no findings', body({ findings: [] }), 'findings must contain at least 1 finding'],
    ['too many findings', body({ findings: Array.from({ length: 201 }, () => finding()) }), 'findings must contain at most 200 findings'],
    ['findings not an array', body({ findings: 'none' }), 'findings must be an array'],
    ['findings missing', body({ findings: undefined }), 'findings is required'],
    [
      'missing dueAt',
      body({ findings: [finding({ dueAt: undefined })] }),
      'findings.0.dueAt is required when dueInWorkingDays is not given',
    ],
    [
      'both dueAt and dueInWorkingDays',
      body({ findings: [finding({ dueInWorkingDays: 5 })] }),
      'findings.0.dueAt and dueInWorkingDays cannot both be given; give one of them',
    ],
    [
      'zero working days',
      body({ findings: [finding({ dueAt: undefined, dueInWorkingDays: 0 })] }),
      'findings.0.dueInWorkingDays must be a whole number of working days from 1 to 366',
    ],
    [
      'fractional working days',
      body({ findings: [finding({ dueAt: undefined, dueInWorkingDays: 2.5 })] }),
      'findings.0.dueInWorkingDays must be a whole number of working days from 1 to 366',
    ],
    [
      'working days as text',
      body({ findings: [finding({ dueAt: undefined, dueInWorkingDays: '5' })] }),
      'findings.0.dueInWorkingDays must be a whole number of working days from 1 to 366',
    ],
    ['non-ISO dueAt', body({ findings: [finding({ dueAt: 'next friday' })] }), 'findings.0.dueAt must be an ISO-8601 date'],
    ['impossible date', body({ findings: [finding({ dueAt: '2031-02-30T00:00:00Z' })] }), 'findings.0.dueAt must be an ISO-8601 date'],
    ['week date JS cannot read', body({ findings: [finding({ dueAt: '2031-W10' })] }), 'findings.0.dueAt must be an ISO-8601 date'],
    ['past dueAt', body({ findings: [finding(), finding({ dueAt: '2020-01-01T00:00:00Z' })] }), 'findings.1.dueAt must be in the future'],
    [
      'bad unitId',
      body({ findings: [finding({ unitId: 'U 1;drop' })] }),
      'findings.0.unitId may contain only letters, digits, "_", "." and "-"',
    ],
    ['unitId too long', body({ findings: [finding({ unitId: 'U'.repeat(65) })] }), 'findings.0.unitId must be at most 64 characters'],
    [
      'description too long',
      body({ findings: [finding({ description: 'x'.repeat(5001) })] }),
      'findings.0.description must be at most 5000 characters',
    ],
    [
      'category too long',
      body({ findings: [finding({ category: 'x'.repeat(101) })] }),
      'findings.0.category must be at most 100 characters',
    ],
    [
      'responsiblePerson too long',
      body({ findings: [finding({ responsiblePerson: 'x'.repeat(101) })] }),
      'findings.0.responsiblePerson must be at most 100 characters',
    ],
  ])('rejects %s, naming the field', async (_, input, expected) => {
    expect(await validationMessages(CreateCaseDto, input)).toContain(expected);
  });
});

describe('NewFindingDto (POST /cases/:id/findings)', () => {
  it('accepts a date-only deadline and a null category', async () => {
    expect(await validationMessages(NewFindingDto, finding({ dueAt: '2099-12-31', category: null }))).toEqual([]);
  });

  it('accepts working days instead of a date', async () => {
    expect(await validationMessages(NewFindingDto, finding({ dueAt: undefined, dueInWorkingDays: 10 }))).toEqual([]);
  });

  it('rejects a number as dueAt and a missing description', async () => {
    const messages = await validationMessages(NewFindingDto, finding({ dueAt: 1_900_000_000_000, description: undefined }));
    expect(messages).toEqual(expect.arrayContaining(['dueAt must be an ISO-8601 date', 'description is required']));
  });

  it('says one thing per field, so an empty body lists each field once', async () => {
    expect(await validationMessages(NewFindingDto, {})).toEqual([
      'title is required',
      'description is required',
      'unitId is required',
      'dueAt is required when dueInWorkingDays is not given',
    ]);
  });
});
