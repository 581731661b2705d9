export const DEFAULT_TASK_QUEUE = 'case-reform';

export const caseWorkflowId = (caseId: string): string => `case-${caseId}`;
export const findingWorkflowId = (findingId: string): string => `finding-${findingId}`;
