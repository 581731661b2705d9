import {
  ERROR_CODES,
  VALIDATION_RULES,
  type CaseWithFindings,
  type ErrorCode,
  type FindingView,
  type FindingWithEvents,
  type TimelineEvent,
} from '@reform/contracts';
import { randomBytes } from 'node:crypto';
import { Http } from './http';
import { bearer, type TokenClaims } from './tokens';

/** What the contract's tests need from the API, recording every answer so that no 5xx goes unseen. */
export class Api extends Http {
  readonly answers: Array<{ method: string; path: string; status: number; body: unknown }> = [];

  constructor(private readonly baseUrl: string) {
    super(baseUrl);
  }

  override async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await super.request<T>(method, path, options);
    this.answers.push({ method, path, status: response.status, body: response.body });
    return response;
  }

  /**
   * Registers units (kind `unit`, under ROOT, active) so that findings can be assigned to them:
   * a finding's unit must be registered (v1.1). Already-registered units are left as they are.
   */
  async registerUnits(...unitIds: string[]): Promise<void> {
    for (const unitId of unitIds) {
      const saved = await this.put(`/api/v1/org-units/${unitId}`, { name: `单位 ${unitId}`, kind: 'unit', parentId: 'ROOT' }, admin);
      if (saved.status !== 200 && saved.status !== 201)
        throw new Error(`registering unit ${unitId}: ${saved.status} ${JSON.stringify(saved.body)}`);
    }
  }

  /** A multipart POST of one `file` and text fields (the imports), recorded like every other answer. */
  async upload<T = Record<string, unknown>>(
    path: string,
    file: { name: string; content: Buffer | string },
    fields: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const form = new FormData();
    form.append('file', new Blob([file.content]), file.name);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: form });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    this.answers.push({ method: 'POST', path, status: response.status, body });
    return { status: response.status, body: body as T, headers: response.headers };
  }

  /** Every 5xx answered since `from` (an index into `answers`). */
  serverErrorsSince(from: number) {
    return this.answers.slice(from).filter((answer) => answer.status >= 500);
  }
}

/** Fails each test that received a 5xx: no request a client can send may cause one. */
export function expectNoServerErrorsInEachTest(api: () => Api | undefined): void {
  let seen = 0;
  beforeEach(() => {
    seen = api()?.answers.length ?? 0;
  });
  afterEach(() => {
    const current = api();
    if (current) expect(current.serverErrorsSince(seen)).toEqual([]);
  });
}

export type AuthHeaders = Record<string, string>;

export const as = (claims: TokenClaims): AuthHeaders => bearer(claims);

/** The usual cast: one officer, two supervisors, one auditor; units are made per test. */
export const officer = as({ sub: 'officer-1', roles: ['officer'] });
export const supervisor = as({ sub: 'supervisor-1', roles: ['supervisor'] });
export const supervisor2 = as({ sub: 'supervisor-2', roles: ['supervisor'] });
export const auditor = as({ sub: 'auditor-1', roles: ['auditor'] });
/** 系统管理员: keeps the org-unit and people registers. */
export const admin = as({ sub: 'admin-1', roles: ['admin'] });
export const unitUser = (unitId: string, sub = `unit-user-${unitId}`): AuthHeaders => as({ sub, roles: ['unit'], unitId });

/** A unit id no other test uses, so per-unit numbers are exact. */
export const uniqueUnit = (prefix = 'U'): string => `${prefix}-${randomBytes(5).toString('hex')}`;
export const uniqueText = (prefix: string): string => `${prefix} ${randomBytes(4).toString('hex')}`;

export const inMs = (ms: number): string => new Date(Date.now() + ms).toISOString();
export const IN_A_DAY = 24 * 3_600_000;

export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const FINDING_FIELDS = [
  'id',
  'caseId',
  'title',
  'description',
  'category',
  'unitId',
  'responsiblePerson',
  'dueAt',
  'status',
  'overdue',
  'escalationLevel',
  'accountability',
  'pendingApproval',
  'createdAt',
  'updatedAt',
  'closedAt',
] as const;

/** The contract's shapes, as `@reform/contracts` declares them; the tests restate none. */
export type { CaseWithFindings as Case, FindingView as Finding, FindingWithEvents, Page, TimelineEvent } from '@reform/contracts';

/** Every field of the contract's Finding, with its type and range. */
export function expectFindingShape(finding: unknown): asserts finding is FindingView {
  const f = finding as Record<string, unknown>;
  expect(Object.keys(f)).toEqual(expect.arrayContaining([...FINDING_FIELDS]));
  expect(f['id']).toMatch(UUID);
  expect(f['caseId']).toMatch(UUID);
  expect(typeof f['title']).toBe('string');
  expect(typeof f['description']).toBe('string');
  expect(f['category'] === null || typeof f['category'] === 'string').toBe(true);
  expect(typeof f['unitId']).toBe('string');
  expect(f['responsiblePerson'] === null || typeof f['responsiblePerson'] === 'string').toBe(true);
  expect(f['dueAt']).toMatch(ISO);
  expect(['ASSIGNED', 'PLAN_SUBMITTED', 'RECTIFYING', 'REPORT_SUBMITTED', 'CLOSED']).toContain(f['status']);
  expect(typeof f['overdue']).toBe('boolean');
  expect([0, 1, 2, 3]).toContain(f['escalationLevel']);
  expect(['none', 'proposed', 'referred', 'rejected', 'decided']).toContain(f['accountability']);
  expect([null, 'plan', 'verification', 'extension', 'accountability', 'followUp']).toContain(f['pendingApproval']);
  expect(f['createdAt']).toMatch(ISO);
  expect(f['updatedAt']).toMatch(ISO);
  expect(f['closedAt'] === null || ISO.test(String(f['closedAt']))).toBe(true);
}

/** Only the contract's fields (drops `events` and anything else added), for comparing two answers. */
export function contractFields(finding: object): Record<string, unknown> {
  return Object.fromEntries(FINDING_FIELDS.map((field) => [field, (finding as Record<string, unknown>)[field]]));
}

/**
 * The contract's error body: exactly statusCode, error, message and a `code` from ERROR_CODES, plus
 * `field` and `problems` (only on 400) and `status` (only on 409) when present. `expected` pins the
 * code and field; every problem names a field and a rule from VALIDATION_RULES, the first one `field`.
 */
export function expectErrorBody(
  body: unknown,
  statusCode: number,
  messagePattern?: RegExp,
  expected: { code?: ErrorCode; field?: string } = {},
): void {
  const b = body as Record<string, unknown>;
  const keys = Object.keys(b ?? {}).sort();
  const optional =
    statusCode === 400 ? ['field', 'problems'].filter((key) => key in b) : statusCode === 409 && 'status' in b ? ['status'] : [];
  expect(keys).toEqual(['code', 'error', 'message', 'statusCode', ...optional].sort());
  if ('problems' in b) {
    const problems = b['problems'] as Array<Record<string, unknown>>;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(typeof problem['field']).toBe('string');
      expect(VALIDATION_RULES).toContain(problem['rule']);
    }
    if (problems[0]['row'] === undefined) expect(problems[0]['field']).toBe(b['field']);
  }
  expect(b['statusCode']).toBe(statusCode);
  expect(typeof b['error']).toBe('string');
  expect((b['error'] as string).length).toBeGreaterThan(0);
  expect(typeof b['message']).toBe('string');
  expect(ERROR_CODES).toContain(b['code']);
  if (messagePattern) expect(b['message']).toMatch(messagePattern);
  if (expected.code) expect(b['code']).toBe(expected.code);
  if (expected.field !== undefined) expect(b['field']).toBe(expected.field);
}

export interface FindingSpec {
  title?: string;
  description?: string;
  category?: string;
  unitId: string;
  responsiblePerson?: string;
  dueAt?: string;
}

export const findingBody = (spec: FindingSpec) => ({
  title: spec.title ?? uniqueText('问题'),
  description: spec.description ?? '制度执行不到位',
  ...(spec.category !== undefined ? { category: spec.category } : {}),
  unitId: spec.unitId,
  ...(spec.responsiblePerson !== undefined ? { responsiblePerson: spec.responsiblePerson } : {}),
  dueAt: spec.dueAt ?? inMs(IN_A_DAY),
});

export const caseBody = (findings: FindingSpec[], overrides: Record<string, unknown> = {}) => ({
  title: uniqueText('案件'),
  summary: '案情摘要',
  source: 'inspection',
  findings: findings.map(findingBody),
  ...overrides,
});

export const EVIDENCE = { name: '整改照片.jpg', sha256: 'a'.repeat(64), uri: 'https://files.example/evidence/1' };

/** One call per contract step, each returning the raw answer so that tests assert its status. */
export class Steps {
  constructor(private readonly api: Api) {}

  async openCase(findings: FindingSpec[], by: AuthHeaders = officer, overrides: Record<string, unknown> = {}) {
    const response = await this.api.post<CaseWithFindings>('/api/v1/cases', caseBody(findings, overrides), by);
    if (response.status !== 201) throw new Error(`POST /cases answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** A case with one finding of `unitId`; returns the finding. */
  async oneFinding(unitId: string, spec: Partial<FindingSpec> = {}, by: AuthHeaders = officer): Promise<FindingView> {
    return (await this.openCase([{ unitId, ...spec }], by)).findings[0];
  }

  finding(id: string, by: AuthHeaders = auditor) {
    return this.api.get<FindingWithEvents>(`/api/v1/findings/${id}`, by);
  }

  plan(id: string, by: AuthHeaders, content = '整改方案：完善制度，加强监督') {
    return this.api.post<FindingView>(`/api/v1/findings/${id}/plan`, { content }, by);
  }

  decidePlan(id: string, decision: 'approve' | 'return', by: AuthHeaders = supervisor, comment = '意见') {
    return this.api.post<FindingView>(`/api/v1/findings/${id}/plan/decision`, { decision, comment }, by);
  }

  report(id: string, by: AuthHeaders, evidence: unknown[] = [EVIDENCE], content = '整改报告：已完成') {
    return this.api.post<FindingView>(`/api/v1/findings/${id}/report`, { content, evidence }, by);
  }

  verify(id: string, decision: 'pass' | 'fail', by: AuthHeaders = supervisor, extra: Record<string, unknown> = {}) {
    return this.api.post<FindingView>(`/api/v1/findings/${id}/verification`, { decision, comment: '验收意见', ...extra }, by);
  }

  requestExtension(id: string, by: AuthHeaders, requestedDueAt: string, reason = '客观原因') {
    return this.api.post<FindingView>(`/api/v1/findings/${id}/extension`, { requestedDueAt, reason }, by);
  }

  decideExtension(id: string, decision: 'approve' | 'deny', by: AuthHeaders = supervisor, comment = '意见') {
    return this.api.post<FindingView>(`/api/v1/findings/${id}/extension/decision`, { decision, comment }, by);
  }

  decideAccountability(id: string, decision: 'refer' | 'reject', by: AuthHeaders = supervisor, comment = '意见') {
    return this.api.post<FindingView>(`/api/v1/findings/${id}/accountability/decision`, { decision, comment }, by);
  }

  followUp(id: string, result: 'held' | 'relapsed', by: AuthHeaders = supervisor, extra: Record<string, unknown> = {}) {
    return this.api.post<FindingView>(`/api/v1/findings/${id}/follow-up`, { result, comment: '回头看意见', ...extra }, by);
  }

  /** plan → approve: the finding RECTIFYING. */
  async toRectifying(id: string, unit: AuthHeaders): Promise<FindingView> {
    expect((await this.plan(id, unit)).status).toBe(200);
    const approved = await this.decidePlan(id, 'approve');
    expect(approved.status).toBe(200);
    return approved.body;
  }

  /** plan → approve → report → pass: the finding CLOSED. */
  async toClosed(id: string, unit: AuthHeaders): Promise<FindingView> {
    await this.toRectifying(id, unit);
    expect((await this.report(id, unit)).status).toBe(200);
    const passed = await this.verify(id, 'pass');
    expect(passed.status).toBe(200);
    return passed.body;
  }
}

export const eventTypes = (finding: { events: TimelineEvent[] }): string[] => finding.events.map((event) => event.type);
export const countOf = (finding: { events: TimelineEvent[] }, type: string): number =>
  finding.events.filter((event) => event.type === type).length;
