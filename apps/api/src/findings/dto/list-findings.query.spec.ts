import { AuditQuery } from '../../audit/dto/audit.query';
import { validationMessages } from '../../testing/validate-body';
import { ListCasesQuery } from '../../cases/dto/list-cases.query';
import { ListFindingsQuery } from './list-findings.query';
import { plainToInstance } from 'class-transformer';

describe('list queries', () => {
  it('defaults page 1 and pageSize 50 and converts numbers from the query string', () => {
    const query = plainToInstance(ListFindingsQuery, { escalationLevel: '2' });
    expect(query).toMatchObject({ page: 1, pageSize: 50, escalationLevel: 2 });
  });

  it('accepts every filter at once', async () => {
    const query = {
      status: 'RECTIFYING',
      unitId: 'U1',
      overdue: 'true',
      escalationLevel: '3',
      caseId: '0b6c2f5e-3f0a-4d8e-9a51-0f0f3c1b2a11',
      page: '2',
      pageSize: '200',
    };
    expect(await validationMessages(ListFindingsQuery, query)).toEqual([]);
  });

  it.each([
    [
      ListFindingsQuery,
      { status: 'DONE' },
      'status must be one of the following values: DRAFT, ASSIGNED, PLAN_SUBMITTED, RECTIFYING, REPORT_SUBMITTED, CLOSED',
    ],
    [ListFindingsQuery, { overdue: 'yes' }, 'overdue must be one of the following values: true, false'],
    [ListFindingsQuery, { escalationLevel: '4' }, 'escalationLevel must not be greater than 3'],
    [ListFindingsQuery, { escalationLevel: 'high' }, 'escalationLevel must be a whole number'],
    [ListFindingsQuery, { caseId: '42' }, 'caseId must be a UUID'],
    [ListFindingsQuery, { unitId: "U1' OR 1=1" }, 'unitId may contain only letters, digits, "_", "." and "-"'],
    [ListFindingsQuery, { page: '0' }, 'page must be at least 1'],
    [ListFindingsQuery, { pageSize: '201' }, 'pageSize must be at most 200'],
    [ListFindingsQuery, { sort: 'due_at' }, 'property sort should not exist'],
    [ListCasesQuery, { status: 'ARCHIVED' }, 'status must be one of the following values: OPEN, CLOSED'],
    [AuditQuery, { from: 'yesterday' }, 'from must be an ISO-8601 date'],
    [AuditQuery, { to: '2026-13-01' }, 'to must be an ISO-8601 date'],
    [AuditQuery, { entityId: 'abc' }, 'entityId must be a UUID'],
    [AuditQuery, { type: 'DELETED' }, expect.stringContaining('type must be one of the following values: ASSIGNED')],
  ])('%p rejects %j', async (type, query, expected) => {
    expect(await validationMessages(type as new () => object, query)).toContainEqual(expected);
  });
});
