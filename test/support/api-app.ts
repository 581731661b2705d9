import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppConfigService, loadConfig, LoggingModule, pinoHttpOptions } from '@reform/config';
import type {
  InterviewCommand,
  InterviewView,
  AddFindingInput,
  AddRecommendationInput,
  CaseWithFindings,
  EventRecord,
  FindingCommand,
  FindingRecord,
  FindingSeed,
  FindingView,
  OpenCaseInput,
  RecommendationCommand,
  RecommendationView,
} from '@reform/contracts';
import { draftedEvent, draftedState, draftFindingRecords, recommendationRecord } from '@reform/domain';
import { CaseQueries, FindingQueries, InterviewQueries, ProjectionStore, RecommendationQueries } from '@reform/persistence';
import { Client } from '@temporalio/client';
import { Logger, LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
// The system tests boot the API in-process (real PostgreSQL, Temporal faked) to test its HTTP
// surface as production configures it; nothing else outside apps/api may import it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule } from '../../apps/api/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { configureHttp } from '../../apps/api/src/http-setup';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ReformWorkflows } from '../../apps/api/src/temporal/reform-workflows.client';

export { rolesOf, type AccessRule } from '../../apps/api/src/auth/access.decorator'; // eslint-disable-line @nx/enforce-module-boundaries
export { routesOf } from '../../apps/api/src/testing/routes-of'; // eslint-disable-line @nx/enforce-module-boundaries

/** What reached "Temporal": a refused request must leave nothing here. */
export interface WorkflowCall {
  kind: 'openCase' | 'addFinding' | 'commandFinding' | 'addRecommendation' | 'commandRecommendation' | 'commandInterview' | 'retryDelivery';
  id: string;
  actor: string;
}

/**
 * Stands in for the Temporal façade: records each call and does what the workflows would make
 * visible — a new case or finding is projected, a step answers the finding as stored.
 */
export class RecordingWorkflows {
  readonly calls: WorkflowCall[] = [];
  /** A finding id whose steps fail as an unexpected internal error would. */
  failingFindingId: string | undefined;
  private readonly store: ProjectionStore;
  private readonly cases: CaseQueries;
  private readonly findings: FindingQueries;
  private readonly recommendations: RecommendationQueries;
  private readonly interviews: InterviewQueries;

  constructor(dataSource: DataSource) {
    this.store = new ProjectionStore(dataSource);
    this.cases = new CaseQueries(dataSource);
    this.findings = new FindingQueries(dataSource);
    this.recommendations = new RecommendationQueries(dataSource);
    this.interviews = new InterviewQueries(dataSource);
  }

  async openCase(open: OpenCaseInput): Promise<CaseWithFindings> {
    this.calls.push({ kind: 'openCase', id: open.caseId, actor: open.openedBy.id });
    const at = open.openedAt;
    const record = { id: open.caseId, title: open.title, summary: open.summary, source: open.source, openedBy: open.openedBy.id };
    await this.store.caseOpened({
      case: { ...record, status: 'OPEN', createdAt: at, updatedAt: at, closedAt: null, version: 1 },
      year: new Date(at).getUTCFullYear(),
      findings: open.findings.map((seed) => findingRecord(seed, open.openedBy.id)),
      events: [
        caseEvent(open.caseId, 1, 'CASE_OPENED', at, open.openedBy.id),
        ...open.findings.map((seed) => findingEvent(seed, 1, 'ASSIGNED', open.openedBy.id)),
      ],
    });
    return (await this.cases.findWithFindings(open.caseId)) as CaseWithFindings;
  }

  async addFinding(found: { id: string }, input: AddFindingInput): Promise<FindingView> {
    const caseId = found.id;
    this.calls.push({ kind: 'addFinding', id: caseId, actor: input.actor.id });
    await this.store.findingAdded({
      caseId,
      caseVersion: 2,
      finding: findingRecord(input.finding, input.actor.id),
      events: [findingEvent(input.finding, 1, 'ASSIGNED', input.actor.id)],
    });
    return (await this.findings.findById(input.finding.id)) as FindingView;
  }

  async commandFinding(finding: { id: string }, command: FindingCommand): Promise<FindingView> {
    const findingId = finding.id;
    this.calls.push({ kind: 'commandFinding', id: findingId, actor: command.actor.id });
    if (findingId === this.failingFindingId)
      throw new Error('relation "findings" violates check: SELECT * FROM findings WHERE unit_id = \'U-SECRET\'');
    return (await this.findings.findById(findingId)) as FindingView;
  }

  async addRecommendation(found: { id: string }, input: AddRecommendationInput): Promise<RecommendationView> {
    this.calls.push({ kind: 'addRecommendation', id: found.id, actor: input.actor.id });
    await draftRecommendation(this.store, input);
    return (await this.recommendations.get(input.recommendation.id)) as RecommendationView;
  }

  async commandRecommendation(recommendation: { id: string }, command: RecommendationCommand): Promise<RecommendationView> {
    this.calls.push({ kind: 'commandRecommendation', id: recommendation.id, actor: command.actor.id });
    return (await this.recommendations.get(recommendation.id)) as RecommendationView;
  }

  async commandInterview(interview: { unitId: string }, command: InterviewCommand): Promise<InterviewView> {
    this.calls.push({ kind: 'commandInterview', id: command.interviewId, actor: command.actor.id });
    return (await this.interviews.get(command.interviewId)) as InterviewView;
  }

  /** The retry workflow's start; its activity (not faked here) is what puts the delivery back to pending. */
  async retryDelivery(deliveryId: string): Promise<void> {
    this.calls.push({ kind: 'retryDelivery', id: deliveryId, actor: 'system' });
  }
}

/** A recommendation drafted as the case's workflow projects it; a step answers it as stored. */
export async function draftRecommendation(store: ProjectionStore, input: AddRecommendationInput): Promise<void> {
  const { recommendation, actor } = input;
  await store.recommendationDrafted({
    caseId: recommendation.caseId,
    caseVersion: 2,
    recommendation: recommendationRecord(draftedState(recommendation, actor.id)),
    findings: draftFindingRecords(recommendation, actor.id),
    events: [draftedEvent(recommendation)],
  });
}

function findingRecord(seed: FindingSeed, openedBy: string): FindingRecord {
  return {
    id: seed.id,
    caseId: seed.caseId,
    title: seed.title,
    description: seed.description,
    category: seed.category ?? null,
    unitId: seed.unitId,
    trackingOfficeId: seed.trackingOfficeId ?? null,
    recommendationId: null,
    interviewId: null,
    accountabilityOutcome: null,
    responsiblePerson: seed.responsiblePerson ?? null,
    dueAt: seed.dueAt,
    status: 'ASSIGNED',
    overdue: false,
    escalationLevel: 0,
    accountability: 'none',
    pendingApproval: null,
    pendingSince: null,
    openedBy,
    createdAt: seed.createdAt,
    updatedAt: seed.createdAt,
    closedAt: null,
    version: 1,
  };
}

function caseEvent(caseId: string, seq: number, type: EventRecord['type'], at: string, actor: string): EventRecord {
  return { entityId: caseId, entityType: 'case', caseId, seq, type, at, actor, data: {} };
}

function findingEvent(seed: FindingSeed, seq: number, type: EventRecord['type'], actor: string): EventRecord {
  return {
    entityId: seed.id,
    entityType: 'finding',
    caseId: seed.caseId,
    seq,
    type,
    at: seed.createdAt,
    actor,
    data: { dueAt: seed.dueAt },
  };
}

/** A Temporal client that is always up, for /health and the command gate. */
const upTemporal = {
  workflowService: { getSystemInfo: async () => ({}) },
  connection: { withDeadline: <T>(_deadline: number, call: () => Promise<T>) => call(), close: async () => undefined },
};

export interface InProcessApi {
  app: INestApplication;
  /** The server to hand to supertest. */
  server: ReturnType<INestApplication['getHttpServer']>;
  workflows: RecordingWorkflows;
  /** Every log line (JSON) the API wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** The API as main.ts configures it, on `databaseUrl`, with `env` on top of the test defaults. */
export async function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<InProcessApi> {
  const config = new AppConfigService(
    loadConfig({ DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info', ...env }),
  );
  const logs: string[] = [];
  const capture = { write: (line: string) => void logs.push(line) };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfigService)
    .useValue(config)
    .overrideProvider(Client)
    .useValue(upTemporal)
    .overrideProvider(ReformWorkflows)
    .useFactory({ factory: (dataSource: DataSource) => new RecordingWorkflows(dataSource), inject: [DataSource] })
    .overrideModule(LoggingModule)
    .useModule(LoggerModule.forRoot({ pinoHttp: [pinoHttpOptions('info', false), capture] }))
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttp(app, config.values);
  await app.init();
  return {
    app,
    server: app.getHttpServer(),
    workflows: app.get(ReformWorkflows) as unknown as RecordingWorkflows,
    logs,
    close: () => app.close(),
  };
}
