import { FINDING_STATUSES, NOTIFY_CHANNELS } from '@reform/contracts';
import type { OpsGauge, OpsGaugeRow } from '@reform/persistence';

/** One series of a business gauge: its label (if any) and value. */
export interface GaugeSample {
  labels: Record<string, string>;
  value: number;
}

export type GaugeValues = Record<OpsGauge, GaugeSample[]>;

const OPEN_STATUSES = FINDING_STATUSES.filter((status) => status !== 'CLOSED');
const APPROVAL_KINDS = ['finding', 'recommendation'];

/** Each gauge of the statement: its metric, the label its rows carry, and the label values it reads as 0 when no row names them. */
export const BUSINESS_GAUGES: Record<OpsGauge, { name: string; help: string; label?: string; known: readonly string[] }> = {
  open_by_status: { name: 'reform_open_findings', help: 'Open findings by status.', label: 'status', known: OPEN_STATUSES },
  open_by_level: {
    name: 'reform_open_findings_by_escalation_level',
    help: 'Open findings by escalation level (0: not escalated).',
    label: 'level',
    known: ['0'],
  },
  overdue: { name: 'reform_overdue_findings', help: 'Open findings past their deadline.', known: [] },
  approvals_past_sla: {
    name: 'reform_approvals_past_sla',
    help: 'Decisions awaiting a supervisor longer than POLICY_APPROVAL_SLA: findings pending approval, recommendations pending sign-off.',
    label: 'kind',
    known: APPROVAL_KINDS,
  },
  deliveries_pending: {
    name: 'reform_notification_deliveries_pending',
    help: 'Notification deliveries not yet delivered, by channel.',
    label: 'channel',
    known: NOTIFY_CHANNELS,
  },
  deliveries_failed: {
    name: 'reform_notification_deliveries_failed',
    help: 'Notification deliveries given up on (until retried from the ops view), by channel.',
    label: 'channel',
    known: NOTIFY_CHANNELS,
  },
  oldest_pending_age_seconds: {
    name: 'reform_notification_oldest_pending_age_seconds',
    help: 'Age of the oldest pending notification delivery, by channel (0 when none is pending).',
    label: 'channel',
    known: NOTIFY_CHANNELS,
  },
};

/**
 * The statement's rows as series. A status, channel or kind with no rows reads 0 rather than
 * vanishing, so an alert on it sees the drop to zero and a dashboard keeps its lines.
 */
export function gaugeValues(rows: readonly OpsGaugeRow[]): GaugeValues {
  const entries = (Object.keys(BUSINESS_GAUGES) as OpsGauge[]).map((gauge) => {
    const { label, known } = BUSINESS_GAUGES[gauge];
    const values = new Map<string, number>(label ? known.map((key) => [key, 0]) : [['', 0]]);
    for (const row of rows) if (row.gauge === gauge) values.set(label ? (row.key ?? '') : '', Number(row.value));
    const samples = [...values].map(([key, value]) => ({ labels: label ? { [label]: key } : {}, value }));
    return [gauge, samples] as const;
  });
  return Object.fromEntries(entries) as GaugeValues;
}
