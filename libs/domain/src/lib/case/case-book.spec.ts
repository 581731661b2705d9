import { FAILURE_TYPES, type FindingSeed, type OpenCaseInput } from '@reform/contracts';
import { Rejection } from '../finding/rejection';
import { assignedEvent } from '../finding/finding-state';
import { CaseBook } from './case-book';

const seed = (id: string): FindingSeed => ({
  id,
  caseId: 'c1',
  title: `finding ${id}`,
  description: 'd',
  unitId: 'U1',
  dueAt: '2026-04-01T10:00:00.000Z',
  createdAt: '2026-03-01T02:00:00.000Z',
});
const open: OpenCaseInput = {
  caseId: 'c1',
  title: '某局违规发放津补贴案',
  summary: 's',
  source: 'review',
  openedBy: { id: 'officer-1', name: 'O' },
  openedAt: '2026-03-01T02:00:00.000Z',
  findings: [seed('f1'), seed('f2')],
  policy: {
    planDueMs: 1,
    remindBeforeMs: 1,
    escalationStepMs: 1,
    approvalSlaMs: 1,
    followUpAfterMs: 1,
    receiptDueMs: 1,
    interviewDueMs: 1,
  },
};

function opened(): CaseBook {
  const book = CaseBook.opening(open);
  book.event('CASE_OPENED', open.openedAt, 'officer-1');
  open.findings.forEach((finding) => book.addFinding(finding, 'officer-1'));
  return book;
}

describe('CaseBook', () => {
  it("adds a finding: FINDING_ADDED in the case's sequence, and the finding's own first event", () => {
    const book = CaseBook.opening(open);
    book.event('CASE_OPENED', open.openedAt, 'officer-1');
    const [added, assigned] = book.addFinding(seed('f1'), 'officer-2');
    expect(added).toMatchObject({ entityId: 'c1', entityType: 'case', seq: 2, type: 'FINDING_ADDED', data: { findingId: 'f1' } });
    expect(assigned).toEqual(assignedEvent(seed('f1'), 'officer-2'));
    expect(assigned).toMatchObject({ entityId: 'f1', entityType: 'finding', seq: 1, type: 'ASSIGNED', actor: 'officer-2' });
  });

  it('closes when its last finding closes, reopens when one reopens, and is finished when all have ended', () => {
    const book = opened();
    expect(book.findingStatus('f1', true, false, '2026-03-02T00:00:00.000Z')).toBeNull();
    expect(book.findingStatus('f2', true, false, '2026-03-03T00:00:00.000Z')).toMatchObject({ type: 'CASE_CLOSED', seq: 4 });
    expect(book.state).toMatchObject({ status: 'CLOSED', closedAt: '2026-03-03T00:00:00.000Z' });
    expect(book.findingStatus('f2', false, false, '2026-03-04T00:00:00.000Z')).toBeNull();
    expect(book.state).toMatchObject({ status: 'OPEN', closedAt: null });
    book.findingStatus('f1', true, true, '2026-03-05T00:00:00.000Z');
    expect(book.finished).toBe(false);
    book.findingStatus('f2', true, true, '2026-03-06T00:00:00.000Z');
    expect(book.finished).toBe(true);
  });

  it('takes new findings only once open and while OPEN, refusing as CaseClosed with the status', () => {
    const book = opened();
    expect(() => book.checkAddFinding(true)).not.toThrow();
    expect(() => book.checkAddFinding(false)).toThrow(Rejection);
    book.findingStatus('f1', true, false, '2026-03-02T00:00:00.000Z');
    book.findingStatus('f2', true, false, '2026-03-02T00:00:00.000Z');
    const refusal = (() => {
      try {
        book.checkAddFinding(true);
      } catch (error) {
        return error as Rejection;
      }
      return null;
    })();
    expect(refusal).toMatchObject({ failureType: FAILURE_TYPES.caseClosed, details: { status: 'CLOSED' } });
  });
});
