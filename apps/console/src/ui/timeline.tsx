import type { TimelineEvent } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Dict } from '../i18n/zh';
import { ActorName, useUnitName } from '../org/names';
import { Link } from '../router';
import { EvidenceList } from './evidence-list';

const DATES = new Set([
  'dueAt',
  'newDueAt',
  'requestedDueAt',
  'planDueAt',
  'since',
  'replyDueAt',
  'receiptDueAt',
  'decidedAt',
  'scheduledAt',
  'heldAt',
]);

/** 时间线 — a finding's (or a recommendation's, or an interview's) events, oldest first, as a vertical list. */
export function Timeline({ events, label }: { events: TimelineEvent[]; label?: string }) {
  const { t, dateTime } = useI18n();
  return (
    <ol className="timeline" aria-label={label ?? t.finding.timeline}>
      {events.map((event) => (
        <li key={event.seq} className={`event event-${event.type.toLowerCase()}`}>
          <div className="event-head">
            <strong>{t.events[event.type] ?? event.type}</strong>
            <time dateTime={event.at}>{dateTime(event.at)}</time>
            <ActorName actor={event.actor} name={event.actorName} />
          </div>
          <EventData data={event.data} dates={dateTime} />
        </li>
      ))}
    </ol>
  );
}

/** Data keys that hold an org unit's id: shown by name, the id on hover. */
const ORG_UNITS = new Set(['unitId', 'trackingOfficeId']);
/** Ids a reader has no use for here (the issued document is downloaded from its page). */
const HIDDEN = new Set(['documentId']);

/** A written reply's plans, `[{findingId, content}]`: each plan's text. */
const planTexts = (value: unknown[]): string[] =>
  value.map((plan) => (typeof plan === 'object' && plan !== null && 'content' in plan ? String(plan.content) : JSON.stringify(plan)));

function EventData({ data, dates }: { data: Record<string, unknown>; dates: (iso: string) => string }) {
  const { t } = useI18n();
  const unitName = useUnitName();
  const empty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  const entries = Object.entries(data).filter(([key, value]) => !HIDDEN.has(key) && !empty(value));
  // A recommendation waits on a sign-off, a kind of approval findings do not have.
  const kinds: Record<string, string> = { ...t.approvalKind, signoff: t.rec.signoff };
  // 问责结果's coded values, in words.
  const words: Record<string, (value: unknown) => string | undefined> = {
    target: (value) => t.outcome.targets[String(value)],
    fourForm: (value) => t.outcome.fourForms[Number(value)],
  };
  if (entries.length === 0) return null;
  return (
    <dl className="event-data">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{t.eventData[key] ?? key}</dt>
          {ORG_UNITS.has(key) && typeof value === 'string' ? (
            <dd title={value}>{unitName(value)}</dd>
          ) : key === 'evidence' && Array.isArray(value) ? (
            <dd>
              <EvidenceList items={value} />
            </dd>
          ) : key === 'interviewId' && typeof value === 'string' ? (
            <dd>
              <Link to={`/interviews/${encodeURIComponent(value)}`}>{t.interview.title} →</Link>
            </dd>
          ) : key === 'plans' && Array.isArray(value) ? (
            <dd>
              <ol className="plans">
                {planTexts(value).map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ol>
            </dd>
          ) : (
            <dd>{words[key]?.(value) ?? render(key, value, dates, kinds, t)}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** `{name, tier}` of a scheduled interview: 王局长（主要负责人）. */
const isInterviewee = (value: unknown): value is { name: string; tier: keyof Dict['tier'] } =>
  typeof value === 'object' && value !== null && 'name' in value && 'tier' in value;

function render(key: string, value: unknown, dates: (iso: string) => string, kinds: Record<string, string>, t: Dict): string {
  if (DATES.has(key) && typeof value === 'string') return dates(value);
  if (key === 'pendingApproval' && typeof value === 'string') return kinds[value] ?? value;
  if (key === 'interviewee' && isInterviewee(value)) return t.interview.intervieweeOf(value.name, t.tier[value.tier] ?? value.tier);
  if (key === 'findingIds' && Array.isArray(value)) return String(value.length);
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
