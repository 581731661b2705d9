/**
 * The fault-injection suite (npm run test:faults): the real stack as separate processes — PostgreSQL,
 * the Temporal dev server, two workers, two APIs — drives FAULT_FINDINGS findings (default 200)
 * through whole lifecycles with policies of seconds while it kills and restarts processes at seeded
 * moments (FAULT_SEED), then checks from PostgreSQL and Temporal that nothing was lost or doubled.
 * Its last line is `faults: N findings, L lost, D duplicated`; it exits non-zero unless all is well.
 */
import { readPolicy } from '@reform/domain';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { judge, type CasePlan } from './checks';
import { Cluster, withTemporal } from './cluster';
import { Database, FindingWatcher } from './database';
import { checkInterviews, InterviewDriver, type InterviewVerdict } from './interviews';
import { Driver } from './driver';
import { DEFAULT_FAULTS, FaultInjector } from './faults';
import { freePort, importEsm } from './processes';
import { Random, sleep } from './random';
import { reconcileNow, repairDrill } from './reconcile';
import { RecommendationDriver, type RecommendationPlan } from './recommendations';
import { FAR_MS, FindingRun, pickScript, SCRIPTS, SOON_MS, type FindingPlan } from './scripts';
import { Traffic } from './traffic';
import { Webhook } from './webhook';
import { RobotReceiver, SmtpReceiver } from '../support/notification-receivers';
import { checkDeliveries, type DeliveryVerdict } from './deliveries';

const POLICY = {
  POLICY_PLAN_DUE: 'PT60S',
  POLICY_REMIND_BEFORE: 'PT5S',
  POLICY_ESCALATION_STEP: 'PT6S',
  POLICY_APPROVAL_SLA: 'PT40S',
  POLICY_FOLLOW_UP_AFTER: 'PT6S',
  POLICY_RECEIPT_DUE: 'PT90S',
  POLICY_INTERVIEW_DUE: 'PT40S',
  RECONCILE_EVERY: 'PT2M',
};
const UNITS = Array.from({ length: 12 }, (_, i) => `U-F${String(i + 1).padStart(2, '0')}`);

const say = (line: string) => process.stdout.write(`[faults] ${line}\n`);
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function planCases(random: Random, findings: number): CasePlan[] {
  const cases: CasePlan[] = [];
  let index = 0;
  while (index < findings) {
    const size = Math.min(random.int(1, 7), findings - index);
    const plans: FindingPlan[] = Array.from({ length: size }, () => {
      const script = pickScript(random);
      return { index: ++index, title: `问题 #${index}`, unitId: random.pick(UNITS), script, dueAt: '', steps: [], done: false };
    });
    const title = `故障演练案 ${random.seed}-${cases.length + 1}`;
    cases.push({ index: cases.length + 1, title, startAtMs: 0, findings: plans, recommendation: planRecommendation(random, title, plans) });
  }
  // A recommendation's items are numbered after the findings opened with their cases.
  cases.flatMap((c) => c.recommendation?.items ?? []).forEach((item) => (item.index = ++index));
  // Cases open over the first two minutes or so, so that every fault meets work in flight.
  const spreadMs = Math.min(150_000, findings * 600);
  cases.forEach((c, i) => (c.startAtMs = Math.round((i * spreadMs) / cases.length + random.int(0, 1500))));
  return cases;
}

/** About one case in four also carries a recommendation (建议书) of one to three items, to one unit. */
function planRecommendation(random: Random, caseTitle: string, findings: FindingPlan[]): RecommendationPlan | undefined {
  if (!random.chance(0.25)) return undefined;
  const unitId = random.pick(UNITS);
  const items: FindingPlan[] = Array.from({ length: random.int(1, 3) }, (_, i) => ({
    index: 0,
    title: `建议书问题 ${caseTitle} #${i + 1}`,
    unitId,
    script: 'recommended',
    dueAt: '',
    steps: [],
    done: false,
  }));
  findings.push(...items);
  return { title: `纪检监察建议书 ${caseTitle}`, unitId, items, steps: [] };
}

async function drive(
  cases: CasePlan[],
  driver: Driver,
  recommendations: RecommendationDriver,
  watcher: FindingWatcher,
  random: Random,
  startedAt: number,
): Promise<void> {
  await Promise.all(
    cases.map(async (plan) => {
      const caseRandom = random.fork();
      await sleep(Math.max(0, startedAt + plan.startAtMs - Date.now()));
      const body = () => ({
        title: plan.title,
        summary: '故障注入演练',
        source: 'inspection',
        // A recommendation's items are drafted with it, not opened with the case.
        findings: plan.findings
          .filter((f) => f.script !== 'recommended')
          .map((f) => ({
            title: f.title,
            description: `按脚本 ${f.script} 推进`,
            unitId: f.unitId,
            dueAt: new Date(Date.now() + (SCRIPTS[f.script].soon ? SOON_MS : FAR_MS)).toISOString(),
          })),
      });
      try {
        const opened = await driver.openCase(body);
        plan.id = opened.caseId;
        for (const finding of plan.findings) {
          finding.caseId = opened.caseId;
          finding.id = opened.findings.find((f) => f.title === finding.title)?.id;
          finding.dueAt = opened.body.findings.find((f) => f.title === finding.title)?.dueAt ?? '';
        }
      } catch (error) {
        plan.error = (error as Error).message;
        return;
      }
      const runScript = async (finding: FindingPlan) => {
        const run = new FindingRun(finding, caseRandom.fork(), driver, watcher);
        try {
          if (!finding.id) throw new Error('the opened case does not list this finding');
          await SCRIPTS[finding.script].run(run);
          finding.done = true;
        } catch (error) {
          finding.error = (error as Error).message;
        }
      };
      const recommendation = plan.recommendation;
      const items = new Set(recommendation?.items);
      const drafted = recommendation ? await draftRecommendation(recommendation, plan.id, recommendations) : false;
      await Promise.all([
        ...plan.findings.filter((finding) => !items.has(finding)).map(runScript),
        recommendation && drafted ? driveRecommendation(recommendation, recommendations, caseRandom.fork(), runScript) : undefined,
      ]);
    }),
  );
}

/** Drafts the recommendation on its case; false (its items failed with it) when that did not work. */
async function draftRecommendation(plan: RecommendationPlan, caseId: string, driver: RecommendationDriver): Promise<boolean> {
  try {
    await driver.draft(plan, caseId);
    return true;
  } catch (error) {
    failRecommendation(plan, error);
    return false;
  }
}

/** Issues and answers the drafted recommendation, then drives each of its items to close-out. */
async function driveRecommendation(
  plan: RecommendationPlan,
  driver: RecommendationDriver,
  random: Random,
  runScript: (finding: FindingPlan) => Promise<void>,
): Promise<void> {
  try {
    await driver.issueAndAnswer(plan, random);
  } catch (error) {
    failRecommendation(plan, error);
    return;
  }
  await Promise.all(plan.items.map(runScript));
}

function failRecommendation(plan: RecommendationPlan, error: unknown): void {
  plan.error = (error as Error).message;
  for (const item of plan.items) item.error = `its recommendation's drive failed: ${plan.error}`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const seed = Number(process.env['FAULT_SEED'] ?? Math.floor(Math.random() * 1_000_000));
  const findingCount = Number(process.env['FAULT_FINDINGS'] ?? 200);
  const random = new Random(seed);
  const cases = planCases(random.fork(), findingCount);
  const { temporalCli } = await importEsm<{ temporalCli(): string }>(join(__dirname, '../../infra/local/tools.mjs'));
  const webhook = new Webhook(random.fork(), 0.1);
  // The mail server and the robot refuse a share of sends for a moment, so that their retries are exercised too.
  const smtp = new SmtpReceiver();
  const mailRandom = random.fork();
  smtp.deferNow = () => mailRandom.chance(0.1);
  const robot = new RobotReceiver();
  const robotRandom = random.fork();
  robot.failNow = () => robotRandom.chance(0.1);
  const notify = {
    NOTIFY_CHANNELS: 'inbox,email,wecom,webhook',
    NOTIFY_WEBHOOK_URL: await webhook.start(await freePort()),
    SMTP_URL: await smtp.start(),
    WECOM_ROBOT_URL: await robot.start(),
  };
  const cluster = new Cluster({ policy: POLICY, notify, temporalCli: temporalCli() });
  say(`seed ${seed} (FAULT_SEED), ${findingCount} findings (FAULT_FINDINGS) in ${cases.length} cases; logs in ${cluster.logs}`);
  const failures: string[] = [];
  let db: Database | undefined;
  let watcher: FindingWatcher | undefined;
  let verdict: Awaited<ReturnType<typeof judge>> | undefined;
  let interviews: InterviewVerdict | undefined;
  let deliveries: DeliveryVerdict | undefined;
  const stopping = () => void cluster.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopping);
  process.once('SIGTERM', stopping);
  try {
    await cluster.start();
    say(`stack up in ${elapsed(started)}: PostgreSQL, Temporal dev server, 2 workers, 2 APIs`);
    db = new Database(cluster.databaseUrl);
    watcher = new FindingWatcher(db);
    const traffic = new Traffic(cluster.apiUrls, random.fork(), Number(process.env['FAULT_CONCURRENCY'] ?? 6));
    const driver = new Driver(traffic, db);
    await driver.registerUnits(UNITS, cluster.apiUrls.length);
    say(`${UNITS.length} units registered (PUT /org-units/:id) and admitted by every API`);
    const temporal = <T>(work: (client: import('@temporalio/client').Client) => Promise<T>) => withTemporal(cluster.temporalAddress, work);

    const driveStarted = Date.now();
    const injector = new FaultInjector(cluster, traffic, random.fork(), driveStarted, say);
    const faults = injector.run(DEFAULT_FAULTS, 15_000, [6_000, 14_000]);
    const recommendations = new RecommendationDriver(traffic, db);
    // Half the units hold their interviews as they come, so that their next findings at level 2 open the next one.
    const interviewDriver = new InterviewDriver(
      traffic,
      db,
      UNITS.filter((_, index) => index % 2 === 0),
    );
    const holding = interviewDriver.run(random.fork());
    await Promise.all([drive(cases, driver, recommendations, watcher, random.fork(), driveStarted), faults]);
    interviewDriver.stop();
    await holding;
    const findings = cases.flatMap((c) => c.findings);
    const steps = findings.flatMap((f) => f.steps);
    const unanswered = steps.filter((s) => s.outcome === 'applied-unanswered').length;
    say(
      `drive done in ${elapsed(driveStarted)}: ${steps.length} steps (${unanswered} applied although their answer was lost); HTTP ${traffic.summary()}`,
    );
    failures.push(...injector.records.flatMap((r) => (r.violation ? [`${r.kind} ${r.target}: ${r.violation}`] : [])));

    verdict = await judge(cases, db, temporal, readPolicy(POLICY), 90_000);
    say(
      `notifications: ${verdict.notifications.delivered} delivered, ${verdict.notifications.pending} visibly pending; the webhook refused ${webhook.refused} of ${webhook.deliveries} deliveries`,
    );
    const interrupting = injector.records
      .filter((record) => record.kind === 'worker-kill' || record.kind === 'postgres-outage')
      .map((record) => ({ kind: `${record.kind} of ${record.target} at t+${record.atS}s`, at: driveStarted + record.atS * 1000 }));
    deliveries = await checkDeliveries(db, { smtp, robot, webhook }, interrupting);
    say(
      `deliveries: ${deliveries.delivered} delivered, ${deliveries.pending} still backing off, ${deliveries.resentAfterFault} sent again after a kill or outage cut their record, ${deliveries.duplicated} duplicated; the mail server deferred ${smtp.deferred} and the robot refused ${robot.failed} sends`,
    );
    for (const note of deliveries.notes.slice(0, 10)) say(`deliveries: ${note}`);
    for (const problem of deliveries.problems.slice(0, 20)) say(`deliveries: ${problem}`);
    failures.push(
      ...deliveries.problems.filter((problem) => !problem.includes('no fault in between')).map((problem) => `deliveries: ${problem}`),
    );
    for (const note of verdict.duplicateNotes.slice(0, 20)) say(`duplicated: ${note}`);
    for (const [index, problems] of [...verdict.lost.entries()].slice(0, 20)) {
      const finding = findings.find((f) => f.index === index);
      say(`lost or wrong: finding #${index} ${finding?.id ?? ''} (${finding?.script}): ${problems.slice(0, 3).join(' | ')}`);
    }
    for (const [index, problems] of [...verdict.lostRecommendations.entries()].slice(0, 20)) {
      say(`lost or wrong: the recommendation of case #${index}: ${problems.slice(0, 3).join(' | ')}`);
    }
    interviews = await checkInterviews(db, temporal);
    say(
      `interviews: ${interviews.interviews} proposed, ${interviews.held} held by the suite, ${interviews.overdue} chased as overdue; ${interviews.problems.length} problems`,
    );
    for (const problem of interviews.problems.slice(0, 20)) say(`interviews: ${problem}`);
    failures.push(...interviews.problems.map((problem) => `interviews: ${problem}`), ...interviewDriver.errors);
    const recommended = cases.filter((c) => c.recommendation?.id).length;
    say(`recommendations: ${recommended} drafted, issued, signed for and answered; ${verdict.lostRecommendations.size} lost or wrong`);
    failures.push(...verdict.caseProblems);

    const [during] = await db.query<{ runs: number; repaired: number; unrepaired: number }>(
      `SELECT (SELECT count(*)::int FROM reconciliation_runs) AS runs,
         (SELECT count(*)::int FROM reconciliation_drifts WHERE repaired) AS repaired,
         (SELECT count(*)::int FROM reconciliation_drifts WHERE NOT repaired) AS unrepaired`,
    );
    say(
      `reconciliation during the drive (every ${POLICY.RECONCILE_EVERY}): ${during.runs} runs, ${during.repaired} repairs, ${during.unrepaired} reported unrepaired (a Temporal restart leaves queries unanswered)`,
    );
    const run = await reconcileNow(traffic, temporal);
    say(
      `reconciliation after the run: ${run.findingsChecked} open findings, ${run.casesChecked} open cases, ${run.workflowsChecked} running workflows checked; ${run.repaired} repaired, ${run.unrepaired} unrepaired`,
    );
    if (run.status !== 'completed' || run.repaired + run.unrepaired > 0) {
      failures.push(
        `reconciliation found drift after the run (${run.status}): ${run.drifts
          .slice(0, 5)
          .map((d) => `${d.kind} ${d.entityId} ${d.detail}`)
          .join('; ')}`,
      );
    }
    // The drill damages findings the checks found sound, so that what it finds is its own doing.
    const running = findings
      .filter((f) => !SCRIPTS[f.script].expect.finished && f.id && !verdict?.lost.has(f.index))
      .map((f) => f.id as string);
    const drill = await repairDrill(db, traffic, temporal, running);
    say(`reconciliation repair drill (3 rows altered, 1 deleted): ${drill.length === 0 ? 'all found and re-projected' : drill.join('; ')}`);
    failures.push(...drill);
    const serverErrors = new Map<string, number>();
    for (const error of traffic.serverErrors) serverErrors.set(error, (serverErrors.get(error) ?? 0) + 1);
    failures.push(...[...serverErrors].slice(0, 10).map(([error, times]) => `5xx other than 503 (${times}×): ${error}`));
  } catch (error) {
    failures.push(`the suite could not finish: ${(error as Error).stack ?? error}`);
  } finally {
    await watcher?.stop();
    await db?.close();
    const exits = cluster.unexpectedExits();
    for (const exit of exits) say(`supervisor: ${exit} (restarted)`);
    await cluster.stop().catch(() => undefined);
    await webhook.stop();
    await smtp.stop();
    await robot.stop();
  }
  for (const failure of failures) say(`FAILED: ${failure}`);
  const driven = cases.flatMap((c) => c.findings).filter((f) => f.id).length;
  const lost = verdict ? verdict.lost.size + verdict.lostRecommendations.size : findingCount;
  const duplicated = (verdict?.duplicated ?? 0) + (interviews?.duplicated ?? 0) + (deliveries?.duplicated ?? 0);
  const passed = lost === 0 && duplicated === 0 && failures.length === 0;
  // A passing run leaves nothing behind (FAULT_KEEP=1 keeps it); a failing one keeps its logs and data.
  if (passed && process.env['FAULT_KEEP'] !== '1') rmSync(cluster.dir, { recursive: true, force: true });
  else say(`logs and data kept in ${cluster.dir}`);
  say(`finished in ${elapsed(started)}`);
  process.stdout.write(`faults: ${driven} findings, ${lost} lost, ${duplicated} duplicated\n`);
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.stdout.write('faults: 0 findings, 0 lost, 0 duplicated\n');
    process.exit(1);
  },
);
