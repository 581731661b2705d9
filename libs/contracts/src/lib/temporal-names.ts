import type { ReformActivities } from './records';
import type { ReconciliationActivities } from './reconciliation';

export const DEFAULT_TASK_QUEUE = 'case-reform';

/**
 * The task queue documents are rendered on, beside the one their workflows run on: rendering is
 * CPU-heavy, and on its own queue a few slots of its own take it, so that a deadline storm's
 * projections are not queued behind hundreds of PDFs.
 */
export const documentTaskQueue = (taskQueue: string): string => `${taskQueue}-documents`;

export const caseWorkflowId = (caseId: string): string => `case-${caseId}`;
export const findingWorkflowId = (findingId: string): string => `finding-${findingId}`;
export const recommendationWorkflowId = (recommendationId: string): string => `recommendation-${recommendationId}`;
/** One interview desk per unit: the place where its interviews are opened, one at a time. */
export const interviewDeskWorkflowId = (unitId: string): string => `interviews-${unitId}`;
/** "Retry now" of one failed delivery; a second press while it runs joins the first. */
export const deliveryRetryWorkflowId = (deliveryId: string): string => `delivery-retry-${deliveryId}`;
/** The Schedule that starts the daily digest at NOTIFY_DIGEST_AT. */
export const DIGEST_SCHEDULE_ID = 'notification-digest';

/**
 * Workflow types as Temporal knows them: the names workflows/src/index.ts exports its functions
 * under (a spec there holds the two lists equal). Clients start and list workflows by these.
 */
export const WORKFLOW_TYPES = {
  case: 'caseWorkflow',
  finding: 'findingWorkflow',
  recommendation: 'recommendationWorkflow',
  interviewDesk: 'interviewDeskWorkflow',
  reconciliation: 'reconciliationWorkflow',
  deliveryRetry: 'deliveryRetryWorkflow',
  dailyDigest: 'dailyDigestWorkflow',
} as const;
export type WorkflowType = (typeof WORKFLOW_TYPES)[keyof typeof WORKFLOW_TYPES];

/** Activity types as Temporal knows them: every activity of the interfaces, each named by its own key. */
export const ACTIVITY_TYPES = {
  projectCaseOpened: 'projectCaseOpened',
  projectFindingAdded: 'projectFindingAdded',
  projectFinding: 'projectFinding',
  projectFindingEffects: 'projectFindingEffects',
  projectCase: 'projectCase',
  projectRecommendationDrafted: 'projectRecommendationDrafted',
  projectRecommendation: 'projectRecommendation',
  projectInterview: 'projectInterview',
  joinInterview: 'joinInterview',
  notify: 'notify',
  deliverNotification: 'deliverNotification',
  retryDelivery: 'retryDelivery',
  composeDigests: 'composeDigests',
  issueDocument: 'issueDocument',
  beginReconciliation: 'beginReconciliation',
  reconcileFindings: 'reconcileFindings',
  reconcileCases: 'reconcileCases',
  reconcileRunningWorkflows: 'reconcileRunningWorkflows',
  finishReconciliation: 'finishReconciliation',
} as const satisfies { [Name in keyof (ReformActivities & ReconciliationActivities)]: Name };
export type ActivityType = (typeof ACTIVITY_TYPES)[keyof typeof ACTIVITY_TYPES];

/**
 * The activities a finding's workflow writes its row and events with. While one is scheduled or
 * retrying, a row behind its workflow is a projection in flight, not drift; the finding workflow
 * proxies only these for its projections, so a new one cannot be used without being listed here.
 */
export const FINDING_PROJECTION_ACTIVITIES = [ACTIVITY_TYPES.projectFinding, ACTIVITY_TYPES.projectFindingEffects] as const;
export type FindingProjectionActivity = (typeof FINDING_PROJECTION_ACTIVITIES)[number];

export const isFindingProjection = (activityType: string | null | undefined): boolean =>
  (FINDING_PROJECTION_ACTIVITIES as readonly (string | null | undefined)[]).includes(activityType);
