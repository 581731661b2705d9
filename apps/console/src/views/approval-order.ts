import type { ApprovalKind, FindingView, TimelineEvent } from '../api/types';

/** The event that put each kind of decision on a supervisor's desk. */
const REQUESTED_BY: Record<ApprovalKind, (event: TimelineEvent) => boolean> = {
  plan: (e) => e.type === 'PLAN_SUBMITTED',
  verification: (e) => e.type === 'REPORT_SUBMITTED',
  extension: (e) => e.type === 'EXTENSION_REQUESTED',
  accountability: (e) => e.type === 'ESCALATED' && Number(e.data['level']) === 3,
  followUp: (e) => e.type === 'FOLLOW_UP_DUE',
};

export interface QueueItem {
  finding: FindingView;
  events: TimelineEvent[];
  /** When the pending decision was asked for. */
  since: string;
  /** The workflow recorded APPROVAL_OVERDUE for it: it waited past POLICY_APPROVAL_SLA. */
  breached: boolean;
}

export function queueItem(finding: FindingView, events: TimelineEvent[]): QueueItem {
  const kind = finding.pendingApproval;
  const request = kind ? [...events].reverse().find(REQUESTED_BY[kind]) : undefined;
  const after = request?.seq ?? 0;
  const breached = events.some((e) => e.type === 'APPROVAL_OVERDUE' && e.seq > after && (e.data['pendingApproval'] ?? kind) === kind);
  return { finding, events, since: request?.at ?? finding.updatedAt, breached };
}

/** SLA-breached first, then oldest request first; ties keep the API's order. */
export function orderQueue(items: QueueItem[]): QueueItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        Number(b.item.breached) - Number(a.item.breached) || Date.parse(a.item.since) - Date.parse(b.item.since) || a.index - b.index,
    )
    .map(({ item }) => item);
}
