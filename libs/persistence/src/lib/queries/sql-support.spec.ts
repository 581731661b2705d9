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

  it('numbers placeholders used outside the conditions in the same sequence, and words a jurisdiction as one predicate', () => {
    const where = new WhereClause();
    const person = where.param('p-1');
    const within = where.withinSql([{ unitIds: ['U1'], trackingOfficeIds: ['OFF-1'] }], 'n.');
    where.add((p) => `n.kind = ${p}`, 'REMINDER');
    expect([person, within, where.toSql()]).toEqual([
      '$1',
      '(n.unit_id = ANY($2::text[]) OR n.tracking_office_id = ANY($3::text[]))',
      'WHERE n.kind = $4',
    ]);
    expect(where.params).toEqual(['p-1', ['U1'], ['OFF-1'], 'REMINDER']);
    expect(new WhereClause().withinSql(undefined)).toBe('TRUE');
  });
});
