import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addFindingUpdate,
  caseOpenedUpdate,
  FAILURE_TYPES,
  findingStatusSignal,
  findingWorkflowId,
  type AddFindingInput,
  type CaseWorkflowInput,
  type FindingSeed,
  type ReformActivities,
} from '@reform/contracts';
import { assignedState, findingRecord } from '@reform/domain';
import { DATABASE_WRITE, HISTORY_LIMIT } from './activity-options';
import { CaseBook } from './case-state';
import { findingWorkflow } from './finding.workflow';

const { projectCaseOpened, projectFindingAdded, projectCase } = proxyActivities<ReformActivities>(DATABASE_WRITE);

/** 案件 — one case: opens its findings as child workflows and closes when all are closed. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const { open } = input;
  const book = input.carried ? new CaseBook(open, input.carried) : CaseBook.opening(open);
  let opened = Boolean(input.carried);

  const writes = new Set<Promise<void>>();
  const initialRecord = (seed: FindingSeed) => findingRecord(assignedState(seed, open.openedBy.id, open.policy.planDueMs));

  const startFinding = (seed: FindingSeed) =>
    startChild(findingWorkflow, {
      workflowId: findingWorkflowId(seed.id),
      args: [{ seed, caseOpenedBy: open.openedBy.id, policy: open.policy }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });

  const projectStatus = (events: ReturnType<CaseBook['event']>[]) =>
    projectCase({
      caseId: open.caseId,
      status: book.state.status,
      closedAt: book.state.closedAt,
      updatedAt: book.state.updatedAt,
      version: book.state.version,
      events,
    });

  setHandler(caseOpenedUpdate, async () => {
    await condition(() => opened);
    return book.view();
  });

  setHandler(
    addFindingUpdate,
    async ({ finding, actor }) => {
      const events = book.addFinding(finding, actor.id);
      const record = initialRecord(finding);
      await projectFindingAdded({ caseId: open.caseId, caseVersion: book.state.version, finding: record, events });
      await startFinding(finding);
      const { version, pendingSince, openedBy, ...view } = record;
      return view;
    },
    {
      validator: (_input: AddFindingInput) => {
        if (!opened || book.state.status !== 'OPEN') {
          throw ApplicationFailure.create({
            type: FAILURE_TYPES.caseClosed,
            message: 'findings can only be added to an OPEN case',
            details: [{ status: book.state.status }],
            nonRetryable: true,
          });
        }
      },
    },
  );

  setHandler(findingStatusSignal, ({ findingId, status, finished }) => {
    const closedEvent = book.findingStatus(findingId, status === 'CLOSED', finished, new Date().toISOString());
    const write = projectStatus(closedEvent ? [closedEvent] : []).finally(() => writes.delete(write));
    writes.add(write);
  });

  if (!input.carried) {
    const events = [book.event('CASE_OPENED', open.openedAt, open.openedBy.id, { title: open.title, source: open.source })];
    const findings = open.findings.map((seed) => {
      events.push(...book.addFinding(seed, open.openedBy.id));
      return initialRecord(seed);
    });
    const { openedBy, openedAt, caseId, title, summary, source } = open;
    const caseRecord = { id: caseId, title, summary, source, status: 'OPEN' as const, openedBy: openedBy.id, createdAt: openedAt, updatedAt: openedAt, closedAt: null, version: book.state.version };
    const { code } = await projectCaseOpened({ case: caseRecord, year: businessYear(openedAt), findings, events });
    book.state.code = code;
    await Promise.all(open.findings.map(startFinding));
    opened = true;
  }

  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_LIMIT;
  await condition(() => book.finished || continueAsNewDue());
  await condition(allHandlersFinished);
  await Promise.all(writes);
  if (!book.finished) await continueAsNew<typeof caseWorkflow>({ open, carried: book.state });
}

// Case codes count the year as China Standard Time (UTC+8) does, where the cases are opened.
const CST_OFFSET_MS = 8 * 3_600_000;
const businessYear = (iso: string) => new Date(Date.parse(iso) + CST_OFFSET_MS).getUTCFullYear();
