import type { FieldProblem } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Dict } from '../i18n/zh';

/** Why a cell (or the file) was refused, in the console's words: from the rule, its bound and the column, never the API's English. */
export function problemReason(problem: FieldProblem, t: Dict): string {
  const words = t.caseImport;
  if (problem.row === 1 && (problem.rule === 'required' || problem.rule === 'tooMany') && problem.field !== 'file') {
    return words.header[problem.rule];
  }
  if (problem.field === 'file' && problem.rule === 'required') return words.fileRequired;
  if (problem.field === 'file' && problem.rule === 'tooLong') return words.fileTooLong;
  if (problem.rule === 'format' && words.formatOf[problem.field]) return words.formatOf[problem.field];
  const reason = words.reason[problem.rule] ?? words.reason.invalid;
  return typeof reason === 'function' ? reason(problem.limit) : reason;
}

/** 第N行 · column · reason — one line per refused cell, the whole file's problems first. */
export function ImportProblems({ problems }: { problems: FieldProblem[] }) {
  const { t } = useI18n();
  const ordered = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return (
    <div className="error" role="alert" data-testid="import-problems">
      <p>{t.caseImport.bad(problems.length)}</p>
      <ul>
        {ordered.map((problem, index) => (
          <li key={index} data-testid="import-problem">
            {problem.row === undefined ? t.caseImport.wholeFile : t.caseImport.rowN(problem.row)} ·{' '}
            {t.caseImport.column[problem.field] ?? problem.field} · {problemReason(problem, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
