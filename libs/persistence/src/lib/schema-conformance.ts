import type { toCaseView } from './queries/case.queries';
import type { FindingRow } from './queries/finding.queries';
import type { ColumnName, Table, TableRow } from './schema';

/**
 * True when every column `Row` names is a column of `table` whose values (nullability included)
 * fit the type `Row` gives it — so a read-side row type cannot name a column SCHEMA lacks.
 */
type ReadsFrom<Row, T extends Table> = {
  [K in keyof Row]-?: K extends ColumnName<T> ? ([TableRow<T>[K]] extends [Row[K]] ? true : false) : false;
}[keyof Row] extends true
  ? true
  : false;

type Holds<Check extends true> = Check;

/**
 * The queries' row types, checked against SCHEMA by the compiler (`tsc`); the integration test
 * `schema.int-spec.ts` checks SCHEMA against the migrations.
 */
export type QueryRowsConform = [
  // opened_by_name is the people register's name of the opener, joined in, not a column of cases.
  Holds<ReadsFrom<Omit<Parameters<typeof toCaseView>[0], 'opened_by_name'>, 'cases'>>,
  Holds<ReadsFrom<FindingRow, 'findings'>>,
  // The check has teeth: an unknown column, or a nullable column read as never null, fails it.
  // @ts-expect-error region is no column of cases
  Holds<ReadsFrom<{ id: string; region: string }, 'cases'>>,
  // @ts-expect-error closed_at may be null
  Holds<ReadsFrom<{ closed_at: Date | string }, 'findings'>>,
];
