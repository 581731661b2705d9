import { WhereClause } from './sql-support';

describe('WhereClause', () => {
  it('numbers placeholders for the values given and skips undefined ones', () => {
    const where = new WhereClause()
      .add((p) => `status = ${p}`, 'CLOSED')
      .add((p) => `unit_id = ${p}`, undefined)
      .add((p) => `overdue = ${p}`, false)
      .always('pending_approval IS NOT NULL');
    expect(where.toSql()).toBe('WHERE status = $1 AND overdue = $2 AND pending_approval IS NOT NULL');
    expect(where.params).toEqual(['CLOSED', false]);
    expect(where.paged({ page: 3, pageSize: 20 })).toEqual({ sql: 'LIMIT $3 OFFSET $4', params: ['CLOSED', false, 20, 40] });
  });

  it('is empty without conditions', () => {
    expect(new WhereClause().toSql()).toBe('');
  });
});
