import { MAX_ESCALATION_LEVEL, type FindingView } from '@reform/contracts';
import { policyEnd, type PolicyTiming } from '../policy-time';

/** The events after which the ladder counts its next step afresh: a rung reached, an extension denied, a fix refused. */
const RESTARTS = new Set(['ESCALATED', 'EXTENSION_DENIED', 'VERIFICATION_FAILED', 'FOLLOW_UP_RELAPSED']);

/**
 * When an escalated finding reaches its next rung (督办 → 约谈 → 问责), as its read model and
 * timeline show it; null when no rung is coming: not escalated, at the top, its clock stopped by a
 * report awaiting verification, or held by an extension request awaiting a decision. The workflow
 * counts from when the last rung was due, a moment its event records within the timer's latency.
 */
export function nextRungAt(
  finding: Pick<FindingView, 'status' | 'overdue' | 'escalationLevel' | 'dueAt' | 'pendingApproval'>,
  events: ReadonlyArray<{ type: string; at: string }>,
  policy: PolicyTiming<'escalationStepMs'>,
): string | null {
  if (!finding.overdue || finding.escalationLevel === 0 || finding.escalationLevel >= MAX_ESCALATION_LEVEL) return null;
  if (finding.status === 'REPORT_SUBMITTED' || finding.status === 'CLOSED' || finding.pendingApproval === 'extension') return null;
  const restarts = events.filter((event) => RESTARTS.has(event.type)).map((event) => Date.parse(event.at));
  const from = Math.max(Date.parse(finding.dueAt), ...restarts);
  return new Date(policyEnd(policy, 'escalationStepMs', from)).toISOString();
}
