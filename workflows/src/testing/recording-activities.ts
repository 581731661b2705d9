import { Context } from '@temporalio/activity';
import type { DocumentRequest, EventRecord, FindingRecord, Notification, RecommendationRecord, ReformActivities } from '@reform/contracts';

/**
 * Typed in-memory activities for workflow specs: they keep what the real projection would,
 * with the same idempotency (events by entity and seq) and version guard on rows.
 */
export class RecordingActivities {
  readonly events = new Map<string, EventRecord>();
  readonly findings = new Map<string, FindingRecord>();
  readonly cases = new Map<string, { status: string; version: number; code: string }>();
  readonly recommendations = new Map<string, RecommendationRecord>();
  readonly notifications = new Map<string, Notification>();
  /** Documents by source key, numbered in the order first asked for, as the real store numbers them. */
  /** Each issued document with the task queue its activity ran on. */
  readonly documents = new Map<string, DocumentRequest & { docNo: string; taskQueue: string }>();
  /** The year each case's code was counted in. */
  readonly years = new Map<string, number>();
  private codes = 0;

  timeline(entityId: string): EventRecord[] {
    return [...this.events.values()].filter((event) => event.entityId === entityId).sort((a, b) => a.seq - b.seq);
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
      projectCase: async ({ caseId, status, version, events }) => {
        this.putEvents(events);
        const current = this.cases.get(caseId);
        if (current && current.version < version) this.cases.set(caseId, { ...current, status, version });
      },
      notify: async (notification) => {
        this.notifications.set(notification.key, notification);
      },
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

  private putEvents(events: EventRecord[]): void {
    for (const event of events) {
      const key = `${event.entityId}#${event.seq}`;
      if (!this.events.has(key)) this.events.set(key, event);
    }
  }
}
