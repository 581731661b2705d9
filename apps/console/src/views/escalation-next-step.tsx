import type { ReactNode } from 'react';
import type { FindingWithEvents } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Dict } from '../i18n/zh';
import { Link } from '../router';

/** What the system waits for on an escalated finding, and when the next rung comes if one is coming. */
function waitingFor(finding: FindingWithEvents, t: Dict, dateTime: (iso: string) => string): string {
  const words = t.nextStep;
  if (finding.status === 'REPORT_SUBMITTED') return words.waitingVerification;
  if (finding.pendingApproval === 'extension') return words.waitingExtension;
  if (finding.nextEscalationAt) return words.waitingReport(dateTime(finding.nextEscalationAt), t.level[finding.escalationLevel + 1]);
  return words.top;
}

/**
 * 督办进展 — for a supervisor on an escalated finding: the rung reached and what to do about it (the
 * interview to schedule or hold, the accountability to decide), else what the system waits for
 * and when the next rung comes.
 */
export function EscalationNextStep({ finding }: { finding: FindingWithEvents }) {
  const { t, dateTime } = useI18n();
  if (finding.escalationLevel === 0 || finding.status === 'CLOSED') return null;
  const words = t.nextStep;
  const lines: ReactNode[] = [];
  if (finding.escalationLevel === 2 && finding.interviewId) {
    lines.push(
      <>
        {words.interview} <Link to={`/interviews/${finding.interviewId}`}>{words.toInterview} →</Link>
      </>,
    );
  }
  if (finding.accountability === 'proposed') lines.push(words.accountability);
  else if (finding.accountability === 'referred') lines.push(words.referred);
  else if (finding.accountability === 'decided') lines.push(words.decided);
  else if (finding.accountability === 'rejected') lines.push(words.rejected);
  if (finding.accountability !== 'proposed' && finding.accountability !== 'referred') lines.push(waitingFor(finding, t, dateTime));
  return (
    <div className="next-step" role="group" aria-labelledby="next-step-title" data-testid="next-step">
      <h3 id="next-step-title">{words.title}</h3>
      <p>{words.reached(t.level[finding.escalationLevel])}</p>
      {lines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}
