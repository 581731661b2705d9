import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { ApiError, type Api, type Query } from '../api/client';
import type { FindingInCase, InterviewView, RecommendationView, TimelineEvent } from '../api/types';
import { AppContext } from '../app-context';
import { I18nProvider, type Lang } from '../i18n/i18n';
import { OrgProvider } from '../org/org-context';
import type { User } from '../session';
import { orgUnits } from './org';

/** A function answer is given the body of a POST, PUT or PATCH, the query of a GET. */
type Answer = unknown | ((body: unknown) => unknown);

/**
 * An Api whose answers are given per `METHOD /path` (query left out); an ApiError answer is thrown.
 * GET /org-units answers the demo register, GET /recommendations an empty page, unless the test says otherwise.
 */
export function fakeApi(given: Record<string, Answer>) {
  const answers: Record<string, Answer> = {
    'GET /org-units': { items: orgUnits() },
    'GET /recommendations': { items: [], total: 0 },
    ...given,
  };
  const answer = async (key: string, body?: unknown) => {
    if (!(key in answers)) throw new ApiError(404, `no fake answer for ${key}`);
    const value = answers[key];
    const result = typeof value === 'function' ? (value as (body: unknown) => unknown)(body) : value;
    if (result instanceof ApiError) throw result;
    return result;
  };
  const api = {
    get: vi.fn((path: string, query?: Query) => answer(`GET ${path}`, query)),
    post: vi.fn((path: string, body: unknown) => answer(`POST ${path}`, body)),
    put: vi.fn((path: string, body: unknown) => answer(`PUT ${path}`, body)),
    patch: vi.fn((path: string, body: unknown) => answer(`PATCH ${path}`, body)),
    upload: vi.fn((path: string, form: FormData) => answer(`POST ${path}`, form)),
    uploadWithProgress: vi.fn((path: string, form: FormData) => answer(`POST ${path}`, form)),
    download: vi.fn(),
  };
  return api as typeof api & Api;
}

export const USERS: Record<'officer' | 'supervisor' | 'unit' | 'auditor' | 'admin', User> = {
  officer: { id: 'officer-li', name: '李明', roles: ['officer'], orgUnitId: 'OFF-1' },
  supervisor: { id: 'sup-zhao', name: '赵强', roles: ['supervisor'], orgUnitId: 'ROOT' },
  unit: { id: 'unit-wang', name: '王芳', roles: ['unit'], unitId: 'U-FIN' },
  auditor: { id: 'aud-sun', name: '孙丽', roles: ['auditor'] },
  admin: { id: 'admin-liu', name: '刘洋', roles: ['admin'] },
};

export function renderAs(user: User, api: Api, ui: ReactElement, lang: Lang = 'zh') {
  return render(
    <I18nProvider initial={lang}>
      <AppContext.Provider value={{ api, user, signOut: vi.fn() }}>
        <OrgProvider>{ui}</OrgProvider>
      </AppContext.Provider>
    </I18nProvider>,
  );
}

const HOUR = 3_600_000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

export function finding(overrides: Partial<FindingInCase> = {}): FindingInCase {
  return {
    id: 'f-1',
    caseId: 'c-1',
    caseCode: 'ZG-2026-0001',
    caseTitle: '某局违规发放津补贴案',
    title: '津补贴审批把关不严',
    description: '财务审批流于形式',
    category: null,
    unitId: 'U-FIN',
    responsiblePerson: null,
    dueAt: hoursFromNow(24 * 7),
    status: 'ASSIGNED',
    overdue: false,
    escalationLevel: 0,
    accountability: 'none',
    pendingApproval: null,
    trackingOfficeId: 'OFF-1',
    recommendationId: null,
    interviewId: null,
    accountabilityOutcome: null,
    createdAt: hoursFromNow(-48),
    updatedAt: hoursFromNow(-1),
    closedAt: null,
    ...overrides,
  };
}

export function event(
  seq: number,
  type: string,
  hoursAgo: number,
  data: Record<string, unknown> = {},
  actor = 'system',
  actorName: string | null = null,
): TimelineEvent {
  return { seq, type: type as TimelineEvent['type'], at: hoursFromNow(-hoursAgo), actor, actorName, data };
}

export function recommendation(overrides: Partial<RecommendationView> = {}): RecommendationView {
  return {
    id: 'r-1',
    caseId: 'c-1',
    unitId: 'U-FIN',
    trackingOfficeId: 'OFF-1',
    docNo: null,
    documentId: null,
    title: '关于加强津补贴发放管理的纪检监察建议书',
    causeAnalysis: '制度执行不严',
    measures: '健全审批制度',
    replyDueAt: hoursFromNow(24 * 30),
    status: 'DRAFT',
    findingIds: ['f-1', 'f-2'],
    draftedBy: 'officer-li',
    returnComment: null,
    submittedAt: null,
    issuedAt: null,
    receiptDueAt: null,
    receipt: null,
    reply: null,
    overdue: { receipt: false, reply: false },
    createdAt: hoursFromNow(-48),
    updatedAt: hoursFromNow(-1),
    closedAt: null,
    ...overrides,
  };
}

export function interview(overrides: Partial<InterviewView> = {}): InterviewView {
  return {
    id: 'i-1',
    unitId: 'U-FIN',
    status: 'PROPOSED',
    findingIds: ['f-1', 'f-2'],
    scheduledAt: null,
    interviewer: null,
    interviewee: null,
    heldAt: null,
    minutes: null,
    statement: null,
    evidence: [],
    overdue: false,
    proposedAt: hoursFromNow(-24),
    dueAt: hoursFromNow(24 * 6),
    trackingOfficeId: 'OFF-1',
    updatedAt: hoursFromNow(-1),
    ...overrides,
  };
}
