import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@reform/config';
import type { Notification } from '@reform/contracts';
import { businessTime } from '@reform/domain';
import { DeliveryStore } from '@reform/persistence';
import { DataSource } from 'typeorm';
import { NotificationAddressing } from './notification-addressing';

const WEEK_MS = 7 * 24 * 3600 * 1000;
/** Lines of each list in one digest; the counts say how many there are in all. */
const LISTED = 10;

interface DueRow {
  person_id: string;
  finding_id: string;
  title: string;
  unit_name: string | null;
  due_at: Date;
  overdue: boolean;
}

/**
 * Everyone a unit or an office names as head or liaison, with the open findings of that unit (or
 * tracked by that office) overdue or due within the week — one row per (person, finding).
 */
const DUE_FOR_PEOPLE = `
  SELECT DISTINCT ON (p.id, f.id) p.id AS person_id, f.id AS finding_id, f.title, u.name AS unit_name, f.due_at, f.overdue
  FROM org_units o
  JOIN people p ON p.active AND p.id IN (o.head_person_id, o.liaison_person_id)
  JOIN findings f ON (o.kind = 'unit' AND f.unit_id = o.id) OR (o.kind <> 'unit' AND f.tracking_office_id = o.id)
  LEFT JOIN org_units u ON u.id = f.unit_id
  WHERE o.active AND f.status NOT IN ('DRAFT', 'CLOSED') AND (f.overdue OR f.due_at < $1)
  ORDER BY p.id, f.id`;

/** 每日待办: one notification per person with something overdue or due this week, once per business day. */
@Injectable()
export class DigestComposer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
    private readonly addressing: NotificationAddressing,
  ) {}

  /** Records the digests of `date` (YYYY-MM-DD in TZ_BUSINESS); answers the keys with deliveries to make. */
  async compose(date: string): Promise<{ keys: string[] }> {
    const now = new Date();
    const rows: DueRow[] = await this.dataSource.query(DUE_FOR_PEOPLE, [new Date(now.getTime() + WEEK_MS).toISOString()]);
    const byPerson = new Map<string, DueRow[]>();
    for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
    const digests = [...byPerson].map(([personId, due]) => this.digest(date, personId, due, now));
    if (digests.length === 0) return { keys: [] };
    return { keys: await new DeliveryStore(this.dataSource).record(digests, this.addressing.address) };
  }

  private digest(date: string, personId: string, due: DueRow[], now: Date): Notification {
    const timeZone = this.config.values.TZ_BUSINESS;
    const overdue = due.filter((row) => row.overdue || row.due_at.getTime() <= now.getTime());
    const soon = due.filter((row) => !overdue.includes(row)).sort((a, b) => a.due_at.getTime() - b.due_at.getTime());
    const line = (row: DueRow) => `· ${row.unit_name ?? ''}“${row.title}”，时限 ${businessTime(row.due_at.toISOString(), timeZone)}`;
    const section = (heading: string, list: DueRow[]) =>
      list.length === 0
        ? []
        : [`${heading}（${list.length} 项）：`, ...list.slice(0, LISTED).map(line), ...(list.length > LISTED ? ['……'] : [])];
    const title = `每日待办（${date}）：${overdue.length} 项逾期，${soon.length} 项本周到期`;
    const body = [...section('已逾期', overdue), ...section('本周到期', soon)].join('\n');
    return {
      key: `digest:${date}:${personId}`,
      kind: 'DAILY_DIGEST',
      findingId: null,
      caseId: null,
      recipient: { kind: 'person', personId },
      subject: title,
      at: now.toISOString(),
      data: { title, body, date, overdue: overdue.length, dueThisWeek: soon.length, findingIds: due.map((row) => row.finding_id) },
    };
  }
}
