import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, LOCAL_JWT_SECRET } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/db' };

describe('loadConfig', () => {
  it('fills defaults', () => {
    const config = loadConfig(base);
    expect(config.PORT).toBe(3000);
    expect(config.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(config.AUTH_JWT_SECRET).toBe(LOCAL_JWT_SECRET);
    expect(config.policy.planDueMs).toBe(7 * 86_400_000);
    expect(config.policy.followUpAfterMs).toBe(90 * 86_400_000);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT="abc": expected a port number/],
    [{ PORT: '70000' }, /^PORT="70000": expected a port from 1 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL="mysql:\/\/x": expected a postgres/],
    [{ TEMPORAL_ADDRESS: 'http://x' }, /^TEMPORAL_ADDRESS=/],
    [{ POLICY_ESCALATION_STEP: '7 days' }, /^POLICY_ESCALATION_STEP="7 days" is not an ISO-8601 duration/],
    [{ POLICY_PLAN_DUE: 'P1Y' }, /^POLICY_PLAN_DUE="P1Y" years are not accepted: write months, P1M to P12M/],
    [{ POLICY_INTERVIEW_DUE: 'P13M' }, /^POLICY_INTERVIEW_DUE="P13M" is more than 12 months/],
    [{ POLICY_REMIND_BEFORE: 'P7D,3d' }, /^POLICY_REMIND_BEFORE="P7D,3d" entry "3d" is not an ISO-8601 duration/],
    [{ POLICY_REMIND_BEFORE: 'P7D,P1W' }, /^POLICY_REMIND_BEFORE="P7D,P1W" entry "P1W" repeats "P7D"/],
    [{ POLICY_REMIND_BEFORE: 'P7D,,P1D' }, /^POLICY_REMIND_BEFORE="P7D,,P1D" has an empty entry/],
  ])('names the variable for %j', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });

  it('says when DATABASE_URL is missing', () => {
    expect(() => loadConfig({})).toThrow(/^DATABASE_URL is not set/);
  });

  it('reads policies in seconds', () => {
    expect(loadConfig({ ...base, POLICY_PLAN_DUE: 'PT2S' }).policy.planDueMs).toBe(2000);
  });

  it('reads policies in months, to be counted in TZ_BUSINESS', () => {
    const { policy } = loadConfig({ ...base, POLICY_PLAN_DUE: 'P1M', POLICY_INTERVIEW_DUE: 'P1M15D', TZ_BUSINESS: 'Asia/Urumqi' });
    expect(policy).toMatchObject({ planDueMs: 0, interviewDueMs: 15 * 86_400_000, timeZone: 'Asia/Urumqi' });
    expect(policy.months).toEqual({ planDueMs: 1, interviewDueMs: 1 });
    expect(loadConfig({ ...base, POLICY_FOLLOW_UP_AFTER: 'P12M' }).policy).toMatchObject({ timeZone: 'Asia/Shanghai' });
    expect(loadConfig(base).policy).not.toHaveProperty('months');
  });

  it('reads several reminder offsets, the longest as remindBeforeMs, and none listed for one', () => {
    const { policy } = loadConfig({ ...base, POLICY_REMIND_BEFORE: 'P1D,P7D,P3D' });
    expect(policy.remindBeforeMs).toBe(7 * 86_400_000);
    expect(policy.reminders?.map((offset) => offset.ms / 86_400_000)).toEqual([7, 3, 1]);
    expect(loadConfig(base).policy).not.toHaveProperty('reminders');
  });
});

describe('loadConfig: working-day deadlines', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'calendar-'));
  const yearFile = (year: number, holidays: string[] = []) => JSON.stringify({ year, source: 'test notice', holidays, makeupWorkdays: [] });

  it('defaults to Asia/Shanghai, 18:00 and the bundled calendar', () => {
    const { workingDays } = loadConfig(base);
    expect(workingDays).toMatchObject({ timeZone: 'Asia/Shanghai', deadlineTime: '18:00' });
    expect(workingDays.calendar.years).toEqual(expect.arrayContaining([2026, 2027]));
  });

  it('replaces the calendar with the year files of WORKING_CALENDAR_DIR', () => {
    const calendarDir = dir();
    writeFileSync(join(calendarDir, '2030.json'), yearFile(2030, ['2030-01-01']));
    writeFileSync(join(calendarDir, 'README.md'), 'ignored');
    const { workingDays } = loadConfig({ ...base, WORKING_CALENDAR_DIR: calendarDir });
    expect(workingDays.calendar.years).toEqual([2030]);
    expect(workingDays.calendar.isWorkingDay('2030-01-01')).toBe(false);
  });

  it.each([
    [{ TZ_BUSINESS: 'Asia/Beijing' }, /^TZ_BUSINESS="Asia\/Beijing": expected an IANA time zone/],
    [{ DEADLINE_TIME: '6pm' }, /^DEADLINE_TIME="6pm": expected a time of day as HH:mm/],
    [
      { WORKING_CALENDAR_DIR: '/nonexistent/calendar' },
      /^WORKING_CALENDAR_DIR="\/nonexistent\/calendar": cannot read the directory \(ENOENT\)/,
    ],
  ])('names the variable for %j', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });

  it('refuses a directory without year files, or with a broken one, naming the file', () => {
    const empty = dir();
    expect(() => loadConfig({ ...base, WORKING_CALENDAR_DIR: empty })).toThrow(/holds no <year>\.json calendar files/);
    const broken = dir();
    writeFileSync(join(broken, '2030.json'), yearFile(2030, ['2031-01-01']));
    expect(() => loadConfig({ ...base, WORKING_CALENDAR_DIR: broken })).toThrow(/calendar file 2030\.json: holidays has 2031-01-01/);
    writeFileSync(join(broken, '2030.json'), '{ not json');
    expect(() => loadConfig({ ...base, WORKING_CALENDAR_DIR: broken })).toThrow(/calendar file 2030\.json: .*JSON/);
  });
});

describe('loadConfig: reconciliation and the worker settings', () => {
  it('reconciles hourly unless RECONCILE_EVERY says otherwise', () => {
    expect(loadConfig(base).RECONCILE_EVERY).toBe('PT1H');
    expect(loadConfig({ ...base, RECONCILE_EVERY: 'PT15M' }).RECONCILE_EVERY).toBe('PT15M');
    expect(loadConfig(base).WORKER_HEALTH_PORT).toBeUndefined();
    expect(loadConfig({ ...base, WORKER_HEALTH_PORT: '8081' }).WORKER_HEALTH_PORT).toBe(8081);
  });

  it('leaves the worker heap growth to the worker unless WORKER_HEAP_GROWTH_PERCENT says otherwise', () => {
    expect(loadConfig(base).WORKER_HEAP_GROWTH_PERCENT).toBeUndefined();
    expect(loadConfig({ ...base, WORKER_HEAP_GROWTH_PERCENT: '0' }).WORKER_HEAP_GROWTH_PERCENT).toBe(0);
    expect(loadConfig({ ...base, WORKER_HEAP_GROWTH_PERCENT: '40' }).WORKER_HEAP_GROWTH_PERCENT).toBe(40);
  });

  it('renders one document at a time unless DOCUMENT_RENDER_SLOTS says otherwise', () => {
    expect(loadConfig(base).DOCUMENT_RENDER_SLOTS).toBe(1);
    expect(loadConfig({ ...base, DOCUMENT_RENDER_SLOTS: '3' }).DOCUMENT_RENDER_SLOTS).toBe(3);
  });

  it.each([
    [{ RECONCILE_EVERY: 'hourly' }, /^RECONCILE_EVERY="hourly": expected an ISO-8601 duration/],
    [{ RECONCILE_EVERY: 'PT0S' }, /^RECONCILE_EVERY="PT0S": expected an ISO-8601 duration of at least a second/],
    [{ WORKER_HEALTH_PORT: '0' }, /^WORKER_HEALTH_PORT="0": expected a port from 1 to 65535/],
    [{ WORKER_HEAP_GROWTH_PERCENT: '5' }, /^WORKER_HEAP_GROWTH_PERCENT="5": expected 0 \(V8 decides\) or a percentage from 10 to 400/],
    [{ WORKER_HEAP_GROWTH_PERCENT: '1000' }, /^WORKER_HEAP_GROWTH_PERCENT="1000": expected 0/],
    [{ WORKER_HEAP_GROWTH_PERCENT: 'lots' }, /^WORKER_HEAP_GROWTH_PERCENT="lots": expected a whole number of percent/],
    [{ DOCUMENT_RENDER_SLOTS: '0' }, /^DOCUMENT_RENDER_SLOTS="0": expected 1 or more/],
    [{ DOCUMENT_RENDER_SLOTS: 'two' }, /^DOCUMENT_RENDER_SLOTS="two": expected a whole number/],
  ])('names the variable for %j', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });
});
