import { nextRungAt } from './next-rung';

const HOUR = 3_600_000;
const policy = { escalationStepMs: 24 * HOUR, timeZone: 'Asia/Shanghai' };
const at = (hours: number) => new Date(Date.UTC(2026, 2, 1) + hours * HOUR).toISOString();
const overdue = { status: 'RECTIFYING' as const, overdue: true, escalationLevel: 1, dueAt: at(0), pendingApproval: null };

describe('nextRungAt', () => {
  it('counts one escalation step from the last rung reached', () => {
    expect(nextRungAt(overdue, [{ type: 'ESCALATED', at: at(0) }], policy)).toBe(at(24));
    const level2 = { ...overdue, escalationLevel: 2 };
    expect(
      nextRungAt(
        level2,
        [
          { type: 'ESCALATED', at: at(0) },
          { type: 'ESCALATED', at: at(24) },
        ],
        policy,
      ),
    ).toBe(at(48));
  });

  it('counts afresh from a denied extension or a refused fix, and from a moved deadline missed again', () => {
    const events = [
      { type: 'ESCALATED', at: at(0) },
      { type: 'EXTENSION_DENIED', at: at(30) },
    ];
    expect(nextRungAt(overdue, events, policy)).toBe(at(54));
    expect(nextRungAt({ ...overdue, dueAt: at(100) }, events, policy)).toBe(at(124));
  });

  it('says no rung is coming at the top, before any, while a report awaits verification or an extension a decision', () => {
    const events = [{ type: 'ESCALATED', at: at(0) }];
    expect(nextRungAt({ ...overdue, escalationLevel: 3 }, events, policy)).toBeNull();
    expect(nextRungAt({ ...overdue, escalationLevel: 0, overdue: false }, [], policy)).toBeNull();
    expect(nextRungAt({ ...overdue, status: 'REPORT_SUBMITTED' }, events, policy)).toBeNull();
    expect(nextRungAt({ ...overdue, pendingApproval: 'extension' }, events, policy)).toBeNull();
  });
});
