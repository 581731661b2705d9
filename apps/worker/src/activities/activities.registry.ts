import { Injectable } from '@nestjs/common';
import type { ReconciliationActivities, ReformActivities } from '@reform/contracts';
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
  ) {}

  all(): ReformActivities & ReconciliationActivities {
    const { projection, notification, reconciliation } = this;
    return {
      projectCaseOpened: projection.projectCaseOpened.bind(projection),
      projectFindingAdded: projection.projectFindingAdded.bind(projection),
      projectFinding: projection.projectFinding.bind(projection),
      projectFindingEffects: projection.projectFindingEffects.bind(projection),
      projectCase: projection.projectCase.bind(projection),
      notify: notification.notify.bind(notification),
      beginReconciliation: reconciliation.beginReconciliation.bind(reconciliation),
      reconcileFindings: reconciliation.reconcileFindings.bind(reconciliation),
      reconcileCases: reconciliation.reconcileCases.bind(reconciliation),
      reconcileRunningWorkflows: reconciliation.reconcileRunningWorkflows.bind(reconciliation),
      finishReconciliation: reconciliation.finishReconciliation.bind(reconciliation),
    };
  }
}
