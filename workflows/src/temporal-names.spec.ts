import { WORKFLOW_TYPES, type WorkflowType } from '@reform/contracts';
import * as workflows from './index';

describe('the workflow types clients name', () => {
  it('are exactly the functions the bundle exports, under those names', () => {
    // Temporal registers a workflow by the name it is exported under; the contracts' names must be these.
    const byType = workflows satisfies Record<WorkflowType, (...args: never[]) => Promise<unknown>>;
    expect(Object.keys(byType).sort()).toEqual(Object.values(WORKFLOW_TYPES).sort());
  });
});
