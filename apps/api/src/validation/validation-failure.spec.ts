import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { CreateCaseDto } from '../cases/dto/create-case.dto';
import { InvalidInputError } from '../errors/invalid-input.error';
import { fieldPath, validationFailure } from './validation-failure';

const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []) =>
  ({ property, constraints, children }) as ValidationError;

async function refusal(body: unknown): Promise<InvalidInputError> {
  const errors = await validate(plainToInstance(CreateCaseDto, body), { whitelist: true, forbidNonWhitelisted: true });
  return validationFailure(errors);
}

const good = {
  title: 't',
  summary: 's',
  source: 'audit',
  findings: [{ title: 't', description: 'd', unitId: 'U1', dueAt: '2099-01-01T00:00:00Z' }],
};

describe('validationFailure', () => {
  it('gives each refused field its rule, in the order of the message, so a client can word it', async () => {
    const failure = await refusal({
      ...good,
      title: '',
      summary: 's'.repeat(10_001),
      source: 'rumour',
      findings: [{ ...good.findings[0], dueAt: '2000-01-01T00:00:00Z', unitId: undefined, extra: 1 }],
    });
    expect(failure.problems).toEqual([
      { field: 'title', rule: 'empty' },
      { field: 'summary', rule: 'tooLong', limit: 10_000 },
      { field: 'source', rule: 'oneOf' },
      { field: 'findings[0].extra', rule: 'unknownField' },
      { field: 'findings[0].unitId', rule: 'required' },
      { field: 'findings[0].dueAt', rule: 'notInFuture' },
    ]);
    expect(failure.message.split('; ')).toHaveLength(failure.problems.length);
  });

  it('names the bound of a list that is too long, and a date that is no date', async () => {
    const tooMany = await refusal({ ...good, findings: Array.from({ length: 201 }, () => good.findings[0]) });
    expect(tooMany.problems).toEqual([{ field: 'findings', rule: 'tooMany', limit: 200 }]);
    const none = await refusal({ ...good, findings: [] });
    expect(none.problems).toEqual([{ field: 'findings', rule: 'tooFew', limit: 1 }]);
    const soon = await refusal({ ...good, findings: [{ ...good.findings[0], dueAt: 'soon' }] });
    expect(soon.problems).toEqual([{ field: 'findings[0].dueAt', rule: 'format' }]);
  });

  it('names a top-level field by its name', async () => {
    const failure = await refusal({ ...good, title: '' });
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect(failure.field).toBe('title');
    expect(failure.message).toMatch(/\btitle\b/);
  });

  it('names a nested field by its path, and words the message as Nest does', async () => {
    const failure = await refusal({ ...good, findings: [good.findings[0], { ...good.findings[0], dueAt: 'soon' }] });
    expect(failure.field).toBe('findings[1].dueAt');
    expect(failure.message).toContain('findings.1.dueAt must be an ISO-8601 date');
  });

  it('takes the first offending field, and joins every message', async () => {
    const failure = await refusal({ ...good, source: 'rumour', findings: [{ ...good.findings[0], unitId: 'has space', extra: 1 }] });
    expect(failure.field).toBe('source');
    expect(failure.message.split('; ').length).toBeGreaterThanOrEqual(3);
    expect(failure.message).toMatch(/findings\.0\.unitId/);
    expect(failure.message).toMatch(/findings\.0\.property extra should not exist/);
  });

  it('walks children depth first, parents before children, as the pipe lists them', () => {
    const tree = [
      error('findings', undefined, [
        error('0', undefined, [
          error('evidence', undefined, [error('2', undefined, [error('sha256', { matches: 'sha256 must be 64 hex digits' })])]),
        ]),
      ]),
      error('title', { isNotEmpty: 'title must not be empty' }),
    ];
    const failure = validationFailure(tree);
    expect(failure.field).toBe('findings[0].evidence[2].sha256');
    expect(failure.message).toBe('findings.0.evidence.2.sha256 must be 64 hex digits; title must not be empty');
  });

  it('names the field of a parent that is itself refused (e.g. not an array)', () => {
    const failure = validationFailure([error('findings', { isArray: 'findings must be an array' }, [error('0', { isObject: 'x' })])]);
    expect(failure.field).toBe('findings');
    expect(failure.message).toBe('findings must be an array; findings.x');
  });
});

describe('fieldPath', () => {
  it.each([
    ['title', 'title'],
    ['findings.0.dueInWorkingDays', 'findings[0].dueInWorkingDays'],
    ['findings.12.evidence.3.sha256', 'findings[12].evidence[3].sha256'],
  ])('%s → %s', (dotted, path) => expect(fieldPath(dotted)).toBe(path));
});
