import type { Api } from '../api/client';
import type { FindingView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { FindingBadges } from '../ui/badges';

/** The findings a recommendation or an interview concerns, as far as the reader may see them, by id. */
export async function fetchFindings(api: Api, findingIds: string[]): Promise<ReadonlyMap<string, FindingView>> {
  const found = await Promise.all(
    findingIds.map((findingId) => api.get<FindingView>(`/findings/${encodeURIComponent(findingId)}`).catch(() => null)),
  );
  return new Map(found.filter((f): f is FindingView => f !== null).map((f) => [f.id, f]));
}

/** Those findings as a table: each linked by its title (its id when the reader may not see it), its deadline and state. */
export function FindingsTable({
  findingIds,
  findings,
  label,
}: {
  findingIds: string[];
  findings: ReadonlyMap<string, FindingView>;
  label?: string;
}) {
  const { t, dateTime } = useI18n();
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t.fields.title}</th>
          <th scope="col">{t.fields.dueAt}</th>
          <th scope="col">{t.fields.status}</th>
        </tr>
      </thead>
      <tbody>
        {findingIds.map((findingId) => {
          const finding = findings.get(findingId);
          return (
            <tr key={findingId}>
              <td>
                <Link to={`/findings/${findingId}`}>{finding?.title ?? findingId}</Link>
              </td>
              <td>{dateTime(finding?.dueAt)}</td>
              <td>{finding && <FindingBadges finding={finding} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
