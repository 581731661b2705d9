export { caseWorkflow } from './case.workflow';
export { findingWorkflow } from './finding.workflow';
export { reconciliationWorkflow } from './reconciliation.workflow';
export { recommendationWorkflow } from './recommendation.workflow';
export { interviewDeskWorkflow } from './interview-desk.workflow';
export { deliveryRetryWorkflow, dailyDigestWorkflow } from './notification.workflows';
