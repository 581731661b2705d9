import { Injectable } from '@nestjs/common';
import type { ReconciliationActivities, ReformActivities } from '@reform/contracts';
import { DocumentActivitiesService } from '../documents/document-activities';
import { ReconciliationActivitiesService } from '../reconciliation/reconciliation.activities';
import { NotificationActivitiesService } from './notification.activities';
import { ProjectionActivitiesService } from './projection.activities';

/** Every activity the worker serves, bound explicitly to its service instance. */
@Injectable()
export class ActivitiesRegistry {
  constructor(
    private readonly projection: ProjectionActivitiesService,
    private readonly notification: NotificationActivitiesService,
    private readonly reconciliation: ReconciliationActivitiesService,
    private readonly documents: DocumentActivitiesService,
  ) {}

  all(): ReformActivities & ReconciliationActivities {
    const { projection, notification, reconciliation, documents } = this;
    return {
      projectCaseOpened: projection.projectCaseOpened.bind(projection),
      projectFindingAdded: projection.projectFindingAdded.bind(projection),
      projectFinding: projection.projectFinding.bind(projection),
      projectFindingEffects: projection.projectFindingEffects.bind(projection),
      projectCase: projection.projectCase.bind(projection),
      notify: notification.notify.bind(notification),
      issueDocument: documents.issueDocument.bind(documents),
      beginReconciliation: reconciliation.beginReconciliation.bind(reconciliation),
      reconcileFindings: reconciliation.reconcileFindings.bind(reconciliation),
      reconcileCases: reconciliation.reconcileCases.bind(reconciliation),
      reconcileRunningWorkflows: reconciliation.reconcileRunningWorkflows.bind(reconciliation),
      finishReconciliation: reconciliation.finishReconciliation.bind(reconciliation),
    };
  }
}
