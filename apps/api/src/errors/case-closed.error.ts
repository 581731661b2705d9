/** The case is CLOSED (结案): nothing can be added to it; `status` is always CLOSED. */
export class CaseClosedError extends Error {
  readonly status = 'CLOSED';

  constructor(message: string) {
    super(message);
    this.name = 'CaseClosedError';
  }

  /** A case's workflow ends only when the case closes, so a missing workflow means CLOSED too. */
  static of(caseCode: string): CaseClosedError {
    return new CaseClosedError(`case ${caseCode} is closed; findings can be added to open cases only`);
  }
}
