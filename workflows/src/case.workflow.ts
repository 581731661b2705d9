import {
  allHandlersFinished,
  condition,
  continueAsNew,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addFindingUpdate,
  addRecommendationUpdate,
  caseOpenedUpdate,
  findingStatusSignal,
  findingWorkflowId,
  recommendationWorkflowId,
  type AddFindingInput,
  type AddRecommendationInput,
  type CaseWorkflowInput,
  type FindingSeed,
  type ReformActivities,
} from '@reform/contracts';
import {
  assignedState,
  CaseBook,
  caseCodeYear,
  chinaStandardYear,
  draftedEvent,
  draftedState,
  draftFindingRecords,
  findingRecord,
  recommendationRecord,
  recommendationView,
} from '@reform/domain';
import { DATABASE_WRITE, HISTORY_LIMIT } from './activity-options';
import { BackgroundWork } from './background-work';
import { asFailure } from './failures';
import { findingWorkflow } from './finding.workflow';
import { recommendationWorkflow } from './recommendation.workflow';

const { projectCaseOpened, projectFindingAdded, projectCase, projectRecommendationDrafted } =
  proxyActivities<ReformActivities>(DATABASE_WRITE);

/**
 * Since this patch the case code's year is counted in the business's zone (TZ_BUSINESS, passed in
 * as `open.timeZone`) rather than a fixed UTC+8; runs that began before count as they did.
 */
const CASE_YEAR_IN_BUSINESS_ZONE = 'case-year-in-business-zone';

/**
 * Since this patch a case answers its opening once it and its findings are written, then starts
 * their workflows: the engine starts ~75 workflows a second on two cores, so a case of 200 waited
 * seconds for them (a step that comes first waits for its finding's workflow in the API).
 */
const CASE_ANSWERS_BEFORE_FINDINGS_START = 'case-answers-before-findings-start';

/** 案件 — one case: opens its findings as child workflows and closes when all are closed. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const { open } = input;
  const book = input.carried ? new CaseBook(open, input.carried) : CaseBook.opening(open);
  let opened = Boolean(input.carried);

  const writes = new BackgroundWork();
  const initialRecord = (seed: FindingSeed) => findingRecord(assignedState(seed, open.openedBy.id, open.policy));

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
        try {
          book.checkAddFinding(opened);
        } catch (error) {
          throw asFailure(error);
        }
      },
    },
  );

  // A new handler leaves old histories as they were: they never received this update.
  setHandler(
    addRecommendationUpdate,
    async ({ recommendation, actor, policy }) => {
      const events = recommendation.findings.map((seed) => book.addDraftFinding(seed, actor.id));
      const drafted = draftedState(recommendation, open.openedBy.id);
      await projectRecommendationDrafted({
        caseId: open.caseId,
        caseVersion: book.state.version,
        recommendation: recommendationRecord(drafted),
        findings: draftFindingRecords(recommendation, open.openedBy.id),
        events: [...events, draftedEvent(recommendation)],
      });
      await startChild(recommendationWorkflow, {
        workflowId: recommendationWorkflowId(recommendation.id),
        args: [{ seed: recommendation, caseOpenedBy: open.openedBy.id, policy }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      return recommendationView(drafted);
    },
    {
      validator: (_input: AddRecommendationInput) => {
        try {
          book.checkAddFinding(opened);
        } catch (error) {
          throw asFailure(error);
        }
      },
    },
  );

  setHandler(findingStatusSignal, ({ findingId, status, finished }) => {
    const closedEvent = book.findingStatus(findingId, status === 'CLOSED', finished, new Date().toISOString());
    writes.track(projectStatus(closedEvent ? [closedEvent] : []));
  });

  if (!input.carried) {
    const events = [book.event('CASE_OPENED', open.openedAt, open.openedBy.id, { title: open.title, source: open.source })];
    const findings = open.findings.map((seed) => {
      events.push(...book.addFinding(seed, open.openedBy.id));
      return initialRecord(seed);
    });
    const { openedBy, openedAt, caseId, title, summary, source } = open;
    const caseRecord = {
      id: caseId,
      title,
      summary,
      source,
      status: 'OPEN' as const,
      openedBy: openedBy.id,
      createdAt: openedAt,
      updatedAt: openedAt,
      closedAt: null,
      version: book.state.version,
    };
    const year = patched(CASE_YEAR_IN_BUSINESS_ZONE) && open.timeZone ? caseCodeYear(openedAt, open.timeZone) : chinaStandardYear(openedAt);
    const { code } = await projectCaseOpened({ case: caseRecord, year, findings, events });
    book.state.code = code;
    if (patched(CASE_ANSWERS_BEFORE_FINDINGS_START)) {
      opened = true;
      await Promise.all(open.findings.map(startFinding));
    } else {
      await Promise.all(open.findings.map(startFinding));
      opened = true;
    }
  }

  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_LIMIT;
  await condition(() => book.finished || continueAsNewDue());
  await condition(allHandlersFinished);
  await writes.settled();
  if (!book.finished) await continueAsNew<typeof caseWorkflow>({ open, carried: book.state });
}
