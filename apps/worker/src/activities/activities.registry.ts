import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type { ReconciliationActivities, ReformActivities } from '@reform/contracts';
import { DocumentActivitiesService } from '../documents/document-activities';
import { InterviewActivitiesService } from '../interviews/interview-activities';
import { ReconciliationActivitiesService } from '../reconciliation/reconciliation.activities';
import { DeliveryActivitiesService } from '../notifications/delivery.activities';
import { ProjectionActivitiesService } from './projection.activities';

/** Every activity the worker serves, bound explicitly to its service instance. */
@Injectable()
export class ActivitiesRegistry {
  constructor(
    private readonly projection: ProjectionActivitiesService,
    private readonly notification: DeliveryActivitiesService,
    private readonly reconciliation: ReconciliationActivitiesService,
    private readonly documentActivities: DocumentActivitiesService,
    private readonly interviews: InterviewActivitiesService,
  ) {}

  /** What the documents task queue serves: rendering only. */
  documents(): Pick<ReformActivities, 'issueDocument'> {
    return { issueDocument: heartbeating(this.documentActivities.issueDocument.bind(this.documentActivities)) };
  }

  /** Everything, issueDocument included for activities scheduled on the main queue before it had its own. */
  all(): ReformActivities & ReconciliationActivities {
    const { projection, notification, reconciliation, documentActivities: documents, interviews } = this;
    return {
      projectCaseOpened: projection.projectCaseOpened.bind(projection),
      projectFindingAdded: projection.projectFindingAdded.bind(projection),
      projectFinding: projection.projectFinding.bind(projection),
      projectFindingEffects: projection.projectFindingEffects.bind(projection),
      projectCase: projection.projectCase.bind(projection),
      projectRecommendationDrafted: projection.projectRecommendationDrafted.bind(projection),
      projectRecommendation: projection.projectRecommendation.bind(projection),
      projectInterview: projection.projectInterview.bind(projection),
      joinInterview: interviews.joinInterview.bind(interviews),
      notify: notification.notify.bind(notification),
      deliverNotification: notification.deliverNotification.bind(notification),
      retryDelivery: notification.retryDelivery.bind(notification),
      composeDigests: notification.composeDigests.bind(notification),
      issueDocument: heartbeating(documents.issueDocument.bind(documents)),
      beginReconciliation: reconciliation.beginReconciliation.bind(reconciliation),
      reconcileFindings: reconciliation.reconcileFindings.bind(reconciliation),
      reconcileCases: reconciliation.reconcileCases.bind(reconciliation),
      reconcileRunningWorkflows: reconciliation.reconcileRunningWorkflows.bind(reconciliation),
      finishReconciliation: reconciliation.finishReconciliation.bind(reconciliation),
    };
  }
}

/** How often a long activity tells Temporal it is alive; DOCUMENT_ISSUE's heartbeatTimeout is a few of these. */
const HEARTBEAT_EVERY_MS = 2_000;

/**
 * Heartbeats while `activity` runs, so that one whose worker died is retried within the
 * heartbeat timeout instead of its whole start-to-close timeout. Rendering runs on a thread of its
 * own, so the heartbeats are not held up behind it.
 */
function heartbeating<A extends unknown[], R>(activity: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const context = Context.current();
    const timer = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
    try {
      return await activity(...args);
    } finally {
      clearInterval(timer);
    }
  };
}
