import { Injectable } from '@nestjs/common';
import type { ReformActivities } from '@reform/contracts';
import { NotificationActivitiesService } from './notification.activities';
import { ProjectionActivitiesService } from './projection.activities';

/** Every activity the worker serves, bound explicitly to its service instance. */
@Injectable()
export class ActivitiesRegistry {
  constructor(
    private readonly projection: ProjectionActivitiesService,
    private readonly notification: NotificationActivitiesService,
  ) {}

  all(): ReformActivities {
    const { projection, notification } = this;
    return {
      projectCaseOpened: projection.projectCaseOpened.bind(projection),
      projectFindingAdded: projection.projectFindingAdded.bind(projection),
      projectFinding: projection.projectFinding.bind(projection),
      projectCase: projection.projectCase.bind(projection),
      notify: notification.notify.bind(notification),
    };
  }
}
