import { Context } from '@temporalio/activity';
import { WithStartWorkflowOperation } from '@temporalio/client';
import {
  interviewDeskWorkflowId,
  joinInterviewUpdate,
  WORKFLOW_TYPES,
  type DocumentRequest,
  type EventRecord,
  type FindingRecord,
  type InterviewEventRecord,
  type InterviewRecord,
  type Notification,
  type Policy,
  type RecommendationRecord,
  type ReformActivities,
} from '@reform/contracts';
import { DAYS_POLICY } from './workflow-fixtures';

/**
 * Typed in-memory activities for workflow specs: they keep what the real projection would,
 * with the same idempotency (events by entity and seq) and version guard on rows.
 */
export class RecordingActivities {
  readonly events = new Map<string, EventRecord | InterviewEventRecord>();
  readonly findings = new Map<string, FindingRecord>();
  readonly cases = new Map<string, { status: string; version: number; code: string }>();
  readonly recommendations = new Map<string, RecommendationRecord>();
  readonly notifications = new Map<string, Notification>();
  readonly interviews = new Map<string, InterviewRecord>();
  /** Keys deliverNotification was asked to deliver, and `retry:<id>` for each retried delivery. */
  readonly deliveries: string[] = [];
  /** The policy a unit's interview desk starts with, when a finding reaching level 2 starts it. */
  interviewPolicy: Policy = DAYS_POLICY;
  /** While set, joinInterview keeps its answer after the desk took the join, as a worker killed before reporting it would. */
  joinAnswerHeldUntil?: Promise<void>;
  /** Documents by source key, numbered in the order first asked for, as the real store numbers them. */
  /** Each issued document with the task queue its activity ran on. */
  readonly documents = new Map<string, DocumentRequest & { docNo: string; taskQueue: string }>();
  /** The year each case's code was counted in. */
  readonly years = new Map<string, number>();
  private codes = 0;

  /** An entity's events in order (an interview's have no case: only their type and data are read). */
  timeline(entityId: string): EventRecord[] {
    const events = [...this.events.values()].filter((event) => event.entityId === entityId).sort((a, b) => a.seq - b.seq);
    return events as EventRecord[];
  }

  types(entityId: string): string[] {
    return this.timeline(entityId).map((event) => event.type);
  }

  activities(): ReformActivities {
    return {
      projectCaseOpened: async ({ case: opened, year, findings, events }) => {
        this.years.set(opened.id, year);
        const existing = this.cases.get(opened.id);
        const code = existing?.code ?? `ZG-TEST-${String(++this.codes).padStart(4, '0')}`;
        this.cases.set(opened.id, { status: opened.status, version: opened.version, code });
        findings.forEach((finding) => this.putFinding(finding));
        this.putEvents(events);
        return { code };
      },
      projectFindingAdded: async ({ finding, events }) => {
        this.putFinding(finding);
        this.putEvents(events);
      },
      projectFinding: async ({ finding, events }) => {
        this.putEvents(events);
        this.putFinding(finding);
      },
      // As the worker does without a webhook: notifications recorded with the projection, none left to deliver.
      projectFindingEffects: async ({ finding, events, notifications }) => {
        this.putEvents(events);
        this.putFinding(finding);
        this.putNotifications(notifications);
        return { deliver: [] };
      },
      projectRecommendationDrafted: async ({ recommendation, findings, events }) => {
        this.putRecommendation(recommendation);
        findings.forEach((finding) => this.putFinding(finding));
        this.putEvents(events);
      },
      projectRecommendation: async ({ recommendation, findings, events, notifications }) => {
        this.putEvents(events);
        this.putRecommendation(recommendation);
        findings.forEach((finding) => this.putFinding(finding));
        this.putNotifications(notifications);
        return { deliver: [] };
      },
      projectInterview: async ({ interview, events, notifications }) => {
        this.putEvents(events);
        const current = this.interviews.get(interview.id);
        if (!current || current.version < interview.version) this.interviews.set(interview.id, interview);
        this.putNotifications(notifications);
        return { deliver: [] };
      },
      joinInterview: async (request) => {
        // The real desk, on the finding's own server and task queue, as the worker reaches it.
        const { client, info } = Context.current();
        const startWorkflowOperation = new WithStartWorkflowOperation(WORKFLOW_TYPES.interviewDesk, {
          workflowId: interviewDeskWorkflowId(request.unitId),
          taskQueue: info.taskQueue,
          args: [{ unitId: request.unitId, policy: this.interviewPolicy }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        });
        const answer = await client.workflow.executeUpdateWithStart(joinInterviewUpdate, {
          args: [request],
          updateId: `join-${request.findingId}`,
          startWorkflowOperation,
        });
        await this.joinAnswerHeldUntil;
        return answer;
      },
      projectCase: async ({ caseId, status, version, events }) => {
        this.putEvents(events);
        const current = this.cases.get(caseId);
        if (current && current.version < version) this.cases.set(caseId, { ...current, status, version });
      },
      notify: async (notification) => {
        this.notifications.set(notification.key, notification);
      },
      deliverNotification: async ({ key }) => {
        this.deliveries.push(key);
      },
      retryDelivery: async ({ deliveryId }) => {
        this.deliveries.push(`retry:${deliveryId}`);
      },
      composeDigests: async ({ date }) => ({ keys: [`digest:${date}`] }),
      issueDocument: async (request) => {
        const issued = this.documents.get(request.sourceKey) ?? {
          ...request,
          docNo: `〔TEST〕${this.documents.size + 1}号`,
          taskQueue: Context.current().info.taskQueue,
        };
        this.documents.set(request.sourceKey, issued);
        return { documentId: request.sourceKey, docNo: issued.docNo };
      },
    };
  }

  private putFinding(finding: FindingRecord): void {
    const current = this.findings.get(finding.id);
    if (!current || current.version < finding.version) this.findings.set(finding.id, finding);
  }

  private putRecommendation(recommendation: RecommendationRecord): void {
    const current = this.recommendations.get(recommendation.id);
    if (!current || current.version < recommendation.version) this.recommendations.set(recommendation.id, recommendation);
  }

  private putNotifications(notifications: Notification[]): void {
    for (const notification of notifications)
      if (!this.notifications.has(notification.key)) this.notifications.set(notification.key, notification);
  }

  private putEvents(events: Array<EventRecord | InterviewEventRecord>): void {
    for (const event of events) {
      const key = `${event.entityId}#${event.seq}`;
      if (!this.events.has(key)) this.events.set(key, event);
    }
  }
}
