import type { LedgerItem } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { UnitName } from '../org/names';
import { Link } from '../router';

/** The ledger's rows as supervisors print them; the region scrolls sideways on a narrow screen, and says so. */
export function LedgerTable({ items }: { items: LedgerItem[] }) {
  const { t, dateTime } = useI18n();
  const headers = [
    t.fields.seq,
    t.fields.code,
    t.fields.caseTitle,
    t.fields.finding,
    t.fields.unitId,
    t.fields.responsiblePerson,
    t.fields.dueAt,
    t.fields.status,
    t.fields.overdue,
    t.fields.escalationLevel,
    t.fields.accountability,
    t.fields.closedAt,
  ];
  return (
    // Focusable so a keyboard can scroll it; labelled so a screen reader says what it is.
    <div className="table-scroll" role="region" aria-label={t.ledger.tableLabel} tabIndex={0}>
      <table className="ledger">
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((row) => (
            <tr key={row.findingId} className={row.overdue ? 'overdue' : undefined}>
              <td>{row.seq}</td>
              <td>{row.caseCode}</td>
              <td>{row.caseTitle}</td>
              <td>
                <Link to={`/findings/${row.findingId}`}>{row.title}</Link>
              </td>
              <td>
                <UnitName id={row.unitId} />
              </td>
              <td>{row.responsiblePerson ?? '—'}</td>
              <td>{dateTime(row.dueAt)}</td>
              <td>{t.status[row.status]}</td>
              <td>{row.overdue ? t.yes : t.no}</td>
              <td>{t.level[row.escalationLevel] ?? row.escalationLevel}</td>
              <td>{t.accountability[row.accountability]}</td>
              <td>{row.closedAt ? dateTime(row.closedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
