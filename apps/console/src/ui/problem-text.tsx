import type { FieldProblem } from '@reform/contracts';
import { useI18n } from '../i18n/i18n';
import { problemText } from './refusal';

/** Why the field beside it was refused, in the reader's language. */
export function ProblemText({ problem }: { problem: FieldProblem }) {
  const { t } = useI18n();
  return <>{problemText(problem, t, false)}</>;
}
