import { useId, useState } from 'react';
import type { ApprovalKind, FindingView } from '../api/types';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import type { Dict } from '../i18n/zh';
import { localInputToIso } from '../ui/dates';
import { ErrorNote } from '../ui/error-note';

interface Choice {
  value: string;
  label: keyof Dict['decide'];
  /** The refusing choice: it may carry a new deadline where the step takes one. */
  refuses: boolean;
}

interface Decision {
  path: string;
  field: 'decision' | 'result';
  choices: [Choice, Choice];
  /** The refusing choice may set a new deadline (验收不通过, 问题反弹). */
  newDueAt: boolean;
}

/** Each kind of pending approval and the one step that decides it. */
export const DECISIONS: Record<ApprovalKind, Decision> = {
  plan: {
    path: 'plan/decision',
    field: 'decision',
    newDueAt: false,
    choices: [
      { value: 'approve', label: 'approve', refuses: false },
      { value: 'return', label: 'return', refuses: true },
    ],
  },
  verification: {
    path: 'verification',
    field: 'decision',
    newDueAt: true,
    choices: [
      { value: 'pass', label: 'pass', refuses: false },
      { value: 'fail', label: 'fail', refuses: true },
    ],
  },
  extension: {
    path: 'extension/decision',
    field: 'decision',
    newDueAt: false,
    choices: [
      { value: 'approve', label: 'approve', refuses: false },
      { value: 'deny', label: 'deny', refuses: true },
    ],
  },
  accountability: {
    path: 'accountability/decision',
    field: 'decision',
    newDueAt: false,
    choices: [
      { value: 'refer', label: 'refer', refuses: false },
      { value: 'reject', label: 'reject', refuses: true },
    ],
  },
  followUp: {
    path: 'follow-up',
    field: 'result',
    newDueAt: true,
    choices: [
      { value: 'held', label: 'held', refuses: false },
      { value: 'relapsed', label: 'relapsed', refuses: true },
    ],
  },
};

/** A supervisor's one-click decision on what a finding waits for; a comment is always asked for. */
export function DecisionPanel({ finding, onDone }: { finding: FindingView; onDone: (finding: FindingView) => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const id = useId();
  const [comment, setComment] = useState('');
  const [newDueAt, setNewDueAt] = useState('');
  const [error, setError] = useState<unknown>();
  const [missingComment, setMissingComment] = useState(false);
  const [busy, setBusy] = useState(false);
  const kind = finding.pendingApproval;
  if (!kind) return null;
  const decision = DECISIONS[kind];

  async function decide(choice: Choice) {
    if (!comment.trim()) {
      setMissingComment(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const due = choice.refuses && decision.newDueAt ? localInputToIso(newDueAt) : undefined;
      const body = { [decision.field]: choice.value, comment, ...(due && { newDueAt: due }) };
      onDone(await api.post<FindingView>(`/findings/${finding.id}/${decision.path}`, body));
      setComment('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="decision" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.approvalKind[kind]}</h3>
      <div className={missingComment ? 'field invalid' : 'field'}>
        <label htmlFor={`${id}-comment`}>{t.decide.comment}</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          required
          aria-invalid={missingComment || undefined}
          aria-describedby={missingComment ? `${id}-missing` : undefined}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setMissingComment(false);
          }}
        />
        {missingComment && (
          <small id={`${id}-missing`} className="field-error" role="alert">
            {t.decide.commentRequired}
          </small>
        )}
      </div>
      {decision.newDueAt && (
        <div className="field">
          <label htmlFor={`${id}-due`}>
            {t.decide.newDueAt}
            {t.optional}
          </label>
          <input id={`${id}-due`} type="datetime-local" value={newDueAt} onChange={(e) => setNewDueAt(e.target.value)} />
        </div>
      )}
      <ErrorNote error={error} />
      <div className="actions">
        {decision.choices.map((choice) => (
          <button
            key={choice.value}
            type="button"
            className={choice.refuses ? 'danger' : ''}
            disabled={busy}
            onClick={() => void decide(choice)}
          >
            {t.decide[choice.label] as string}
          </button>
        ))}
      </div>
    </div>
  );
}
