import { Api, expectErrorBody, expectNoServerErrorsInEachTest, Steps, uniqueUnit, unitUser } from '../support/contract';
import { Stack } from '../support/stack';

describe('HTTP contract: more steps in flight on one finding than Temporal admits', () => {
  let stack: Stack;
  let api: Api;
  let steps: Steps;

  beforeAll(async () => {
    // The server admits 10 in-flight updates per workflow by default; 1 makes the limit easy to reach.
    stack = await Stack.start({ env: { TEMPORAL_DEV_DYNAMIC_CONFIG: 'history.maxInFlightUpdates=1' } });
    api = new Api(stack.url(''));
    steps = new Steps(api);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  expectNoServerErrorsInEachTest(() => api);

  it('answers 429 with Retry-After past the limit, 409 or 200 otherwise, and takes the step once', async () => {
    const unitId = uniqueUnit();
    await api.registerUnits(unitId);
    const unit = unitUser(unitId);
    const finding = await steps.oneFinding(unitId);

    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => steps.plan(finding.id, unit, `方案 ${i}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => ![200, 409, 429].includes(status))).toEqual([]);
    const refusedForLoad = answers.filter((answer) => answer.status === 429);
    expect(refusedForLoad.length).toBeGreaterThan(0);
    for (const answer of refusedForLoad) {
      expectErrorBody(answer.body, 429, undefined, { code: 'RATE_LIMITED' });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }

    const timeline = await steps.finding(finding.id);
    expect(timeline.body.events.map((event) => event.type)).toEqual(['ASSIGNED', 'PLAN_SUBMITTED']);
    // A client that waits as told gets the state's answer.
    const retried = await steps.plan(finding.id, unit);
    expect(retried.status).toBe(409);
  });
});
