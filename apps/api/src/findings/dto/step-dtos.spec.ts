import { validationMessages } from '../../testing/validate-body';
import { DecideAccountabilityDto } from './accountability.dto';
import { RecordAccountabilityOutcomeDto } from './accountability-outcome.dto';
import { DecideExtensionDto, RequestExtensionDto } from './extension.dto';
import { ReviewFollowUpDto } from './follow-up.dto';
import { DecidePlanDto, SubmitPlanDto } from './plan.dto';
import { SubmitReportDto } from './report.dto';
import { VerifyDto } from './verification.dto';

const future = new Date(Date.now() + 86_400_000).toISOString();
const evidence = { name: 'minutes.pdf', sha256: 'a'.repeat(64), uri: 's3://evidence/minutes.pdf' };

describe('finding step bodies', () => {
  it.each([
    [SubmitPlanDto, { content: 'Measures and milestones' }],
    [DecidePlanDto, { decision: 'approve' }],
    [DecidePlanDto, { decision: 'return', comment: 'Milestones are missing' }],
    [SubmitReportDto, { content: 'Done', evidence: [evidence] }],
    [VerifyDto, { decision: 'pass', comment: '' }],
    [VerifyDto, { decision: 'fail', comment: 'Evidence does not match', newDueAt: future }],
    [RequestExtensionDto, { requestedDueAt: future, reason: 'Budget cycle' }],
    [RequestExtensionDto, { requestedDueInWorkingDays: 10, reason: 'Budget cycle' }],
    [DecideExtensionDto, { decision: 'approve', comment: 'ok' }],
    [DecideAccountabilityDto, { decision: 'refer' }],
    [ReviewFollowUpDto, { result: 'held' }],
    [ReviewFollowUpDto, { result: 'relapsed', comment: 'Back again', newDueAt: future }],
  ])('%p accepts %j', async (type, body) => {
    expect(await validationMessages(type as new () => object, body)).toEqual([]);
  });

  it.each([
    [SubmitPlanDto, { content: '' }, 'content must not be empty'],
    [SubmitPlanDto, { content: 'x'.repeat(20_001) }, 'content must be at most 20000 characters'],
    [SubmitPlanDto, { content: 'ok', status: 'CLOSED' }, 'property status should not exist'],
    [DecidePlanDto, { decision: 'approved' }, 'decision must be one of the following values: approve, return'],
    [DecidePlanDto, { decision: 'return' }, 'comment is required when decision is "return"'],
    [DecidePlanDto, { decision: 'return', comment: '  ' }, 'comment is required when decision is "return"'],
    [DecidePlanDto, { decision: 'approve', comment: 'x'.repeat(2001) }, 'comment must be at most 2000 characters'],
    [SubmitReportDto, { content: 'Done', evidence: [] }, 'evidence must contain at least 1 item'],
    [SubmitReportDto, { content: 'Done', evidence: Array(51).fill(evidence) }, 'evidence must contain at most 50 items'],
    [
      SubmitReportDto,
      { content: 'Done', evidence: [{ ...evidence, sha256: 'xyz' }] },
      'evidence.0.sha256 must be 64 hexadecimal characters (a SHA-256 digest)',
    ],
    [
      SubmitReportDto,
      { content: 'Done', evidence: [{ ...evidence, name: 'n'.repeat(256) }] },
      'evidence.0.name must be at most 255 characters',
    ],
    [
      SubmitReportDto,
      { content: 'Done', evidence: [{ ...evidence, uri: 'u'.repeat(2001) }] },
      'evidence.0.uri must be at most 2000 characters',
    ],
    [VerifyDto, { decision: 'fail' }, 'comment is required when decision is "fail"'],
    [VerifyDto, { decision: 'pass', newDueAt: '2020-01-01T00:00:00Z' }, 'newDueAt must be in the future'],
    [RequestExtensionDto, { requestedDueAt: 'tomorrow', reason: 'x' }, 'requestedDueAt must be an ISO-8601 date'],
    [RequestExtensionDto, { requestedDueAt: '2020-01-01', reason: 'x' }, 'requestedDueAt must be in the future'],
    [RequestExtensionDto, { requestedDueAt: future, reason: 'x'.repeat(2001) }, 'reason must be at most 2000 characters'],
    [RequestExtensionDto, { reason: 'x' }, 'requestedDueAt is required when requestedDueInWorkingDays is not given'],
    [
      RequestExtensionDto,
      { requestedDueAt: future, requestedDueInWorkingDays: 3, reason: 'x' },
      'requestedDueAt and requestedDueInWorkingDays cannot both be given; give one of them',
    ],
    [
      RequestExtensionDto,
      { requestedDueInWorkingDays: 400, reason: 'x' },
      'requestedDueInWorkingDays must be a whole number of working days from 1 to 366',
    ],
    [DecideExtensionDto, { decision: 'deny' }, 'comment is required when decision is "deny"'],
    [DecideAccountabilityDto, { decision: 'reject', comment: '' }, 'comment is required when decision is "reject"'],
    [DecideAccountabilityDto, { decision: 'referred' }, 'decision must be one of the following values: refer, reject'],
    [ReviewFollowUpDto, { result: 'relapsed', comment: 'Back again' }, 'newDueAt is required when result is "relapsed"'],
    [ReviewFollowUpDto, { result: 'relapsed', newDueAt: future }, 'comment is required when result is "relapsed"'],
    [ReviewFollowUpDto, { result: 'ok' }, 'result must be one of the following values: held, relapsed'],
    [SubmitReportDto, { content: 'Done' }, 'evidence is required'],
    [SubmitReportDto, { content: 'Done', evidence: [{ name: 'a', uri: 'b' }] }, 'evidence.0.sha256 is required'],
    [DecidePlanDto, { decision: 'approve', comment: 7 }, 'comment must be a string'],
  ])('%p rejects %j', async (type, body, expected) => {
    expect(await validationMessages(type as new () => object, body)).toContain(expected);
  });

  describe('问责结果 (accountability outcome)', () => {
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const leader = {
      target: 'leader',
      personName: '刘局长',
      form: '诫勉',
      decidedBy: '县委',
      decisionDocNo: '县委〔2026〕5号',
      decidedAt: past,
      fourForm: 2,
    };
    const organisation = {
      target: 'organisation',
      form: '通报',
      decidedBy: '县委',
      decisionDocNo: '县委〔2026〕6号',
      decidedAt: past,
      fourForm: 1,
    };

    it.each([leader, organisation, { ...organisation, form: '改组', fourForm: 4 }, { ...leader, form: '纪律处分', fourForm: 3 }])(
      'accepts %j',
      async (body) => {
        expect(await validationMessages(RecordAccountabilityOutcomeDto, body)).toEqual([]);
      },
    );

    it.each([
      [{ ...leader, target: 'person' }, 'target must be one of the following values: organisation, leader'],
      [{ ...organisation, form: '诫勉' }, 'form must be one of 检查, 通报, 改组 when target is "organisation"'],
      [{ ...leader, form: '改组' }, 'form must be one of 通报批评, 诫勉, 组织调整, 组织处理, 纪律处分 when target is "leader"'],
      [{ ...leader, form: undefined }, 'form must be one of 通报批评, 诫勉, 组织调整, 组织处理, 纪律处分 when target is "leader"'],
      [{ ...leader, personName: undefined }, 'personName is required when target is "leader"'],
      [{ ...leader, personName: ' ' }, 'personName is required when target is "leader"'],
      [{ ...leader, decidedBy: '' }, 'decidedBy must not be empty'],
      [{ ...leader, decisionDocNo: undefined }, 'decisionDocNo is required'],
      [{ ...leader, decidedAt: 'yesterday' }, 'decidedAt must be an ISO-8601 date'],
      [{ ...leader, decidedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'decidedAt must not be in the future'],
      [{ ...leader, fourForm: 5 }, 'fourForm must be one of 1, 2, 3, 4 (四种形态)'],
      [{ ...leader, fourForm: '2' }, 'fourForm must be one of 1, 2, 3, 4 (四种形态)'],
      [{ ...leader, accountability: 'decided' }, 'property accountability should not exist'],
    ])('rejects %j: %s', async (body, expected) => {
      expect(await validationMessages(RecordAccountabilityOutcomeDto, body)).toEqual([expected]);
    });
  });

  it('gives one message for a missing conditional field', async () => {
    expect(await validationMessages(DecidePlanDto, { decision: 'return' })).toEqual(['comment is required when decision is "return"']);
    expect(await validationMessages(ReviewFollowUpDto, { result: 'relapsed', comment: 'x' })).toEqual([
      'newDueAt is required when result is "relapsed"',
    ]);
  });
});
