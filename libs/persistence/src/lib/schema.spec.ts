import { insertRowsSql, writtenColumns } from './schema';

describe('insertRowsSql', () => {
  it('writes every column but those the database fills in, each typed in the recordset', () => {
    expect(writtenColumns('events')).not.toContain('id');
    expect(insertRowsSql('case_codes', 'ON CONFLICT DO NOTHING')).toBe(
      'INSERT INTO case_codes (year, last_number) SELECT year, last_number FROM jsonb_to_recordset($1::jsonb) AS r(year int, last_number int) ON CONFLICT DO NOTHING',
    );
  });

  it('writes only the columns asked for, leaving the rest to their defaults', () => {
    expect(insertRowsSql('notifications', '', ['key', 'attempts'])).toBe(
      'INSERT INTO notifications (key, attempts) SELECT key, attempts FROM jsonb_to_recordset($1::jsonb) AS r(key text, attempts int) ',
    );
  });
});
