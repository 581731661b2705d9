import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as workflows from './index';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleOptions } = require('../bundle.cjs');

const FIXTURES = join(__dirname, '../../test/fixtures/histories');
const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));

/**
 * Recorded histories of every path must replay against the current workflow code: a change that
 * would break a running workflow fails here and must go behind patched() instead.
 * Record new ones with `RECORD_HISTORIES=1 npx jest -c workflows/jest.config.cts case-lifecycle`
 * (and `recommendation-lifecycle` for the recommendation's paths and the case and findings they drive,
 * `interview-desk` for an interview's and the findings it joins). Histories of findings under a policy
 * of one reminder offset carry no `reminders`, and replay unchanged since lists were accepted.
 */
describe('recorded histories replay against the current workflows', () => {
  let workflowBundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    workflowBundle = await bundleWorkflowCode(bundleOptions());
  });

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it('has histories of every workflow type, and of each recommendation path', () => {
    const typeOf = (file: string): string =>
      JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')).events[0].workflowExecutionStartedEventAttributes.workflowType.name;
    expect(new Set(files.map(typeOf))).toEqual(new Set(Object.keys(workflows)));
    expect(files.filter((file) => file.startsWith('recommendation-') && typeOf(file) === 'recommendationWorkflow').sort()).toEqual([
      'recommendation-happy-path.json',
      'recommendation-receipt-overdue.json',
      'recommendation-reply-overdue.json',
    ]);
  });

  it('has a history of a finding reminded at each offset of a POLICY_REMIND_BEFORE list', () => {
    const started = JSON.parse(readFileSync(join(FIXTURES, 'finding-reminder-offsets.json'), 'utf8')).events[0]
      .workflowExecutionStartedEventAttributes;
    const [input] = started.input.payloads.map((payload: { data: string }) => JSON.parse(Buffer.from(payload.data, 'base64').toString()));
    expect(started.workflowType.name).toBe('findingWorkflow');
    expect(input.policy.reminders).toHaveLength(3);
  });

  it.each(files)('%s', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle }, history, file);
  });
});
