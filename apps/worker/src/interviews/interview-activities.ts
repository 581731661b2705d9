import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { AppConfigService } from '@reform/config';
import {
  interviewDeskWorkflowId,
  joinInterviewUpdate,
  WORKFLOW_TYPES,
  type InterviewActivities,
  type JoinInterviewRequest,
} from '@reform/contracts';

/** A finding's way to its unit's interview desk: started on first use, on the finding's own task queue. */
@Injectable()
export class InterviewActivitiesService implements InterviewActivities {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfigService,
  ) {}

  /**
   * Joins the unit's open interview or opens one (update-with-start). The update id makes a retry
   * of this activity the same update; the desk also remembers every finding that joined.
   */
  joinInterview(request: JoinInterviewRequest): Promise<{ interviewId: string }> {
    return joinInterviewDesk(this.client, Context.current().info.taskQueue, this.config.policy, request);
  }
}

export function joinInterviewDesk(
  client: Client,
  taskQueue: string,
  policy: AppConfigService['policy'],
  request: JoinInterviewRequest,
): Promise<{ interviewId: string }> {
  const startWorkflowOperation = new WithStartWorkflowOperation(WORKFLOW_TYPES.interviewDesk, {
    workflowId: interviewDeskWorkflowId(request.unitId),
    taskQueue,
    args: [{ unitId: request.unitId, policy }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return client.workflow.executeUpdateWithStart(joinInterviewUpdate, {
    args: [request],
    updateId: `join-${request.findingId}`,
    startWorkflowOperation,
  });
}
