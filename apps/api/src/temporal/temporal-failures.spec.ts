import { FAILURE_TYPES } from '@reform/contracts';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { CaseClosedError } from '../errors/case-closed.error';
import { InvalidInputError } from '../errors/invalid-input.error';
import { RecusalRequiredError } from '../errors/recusal-required.error';
import { StepConflictError } from '../errors/step-conflict.error';
import { TemporalUnavailableError } from '../errors/temporal-unavailable.error';
import { TooManyInFlightError } from '../errors/too-many-in-flight.error';
import { WorkflowEndedError } from '../errors/workflow-ended.error';
import { fromTemporalError } from './temporal-failures';

const rejected = (type: string, message: string, details?: unknown) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] }),
  );
const grpcError = (code: number) => Object.assign(new Error(`grpc ${code}`), { code, details: 'detail', metadata: {} });

describe('fromTemporalError — workflow rejections', () => {
  it('StepNotAllowed → StepConflictError with the status the workflow names, else the stored one', () => {
    const named = rejected(FAILURE_TYPES.stepNotAllowed, 'no report to verify', { status: 'RECTIFYING' });
    expect(fromTemporalError(named, { status: 'ASSIGNED' })).toEqual(new StepConflictError('no report to verify', 'RECTIFYING'));
    const unnamed = rejected(FAILURE_TYPES.stepNotAllowed, 'not now');
    expect(fromTemporalError(unnamed, { status: 'ASSIGNED' })).toEqual(new StepConflictError('not now', 'ASSIGNED'));
  });

  it('CaseClosed → CaseClosedError (status CLOSED)', () => {
    const error = fromTemporalError(rejected(FAILURE_TYPES.caseClosed, 'findings can only be added to an OPEN case'));
    expect(error).toBeInstanceOf(CaseClosedError);
    expect(error).toMatchObject({ message: 'findings can only be added to an OPEN case', status: 'CLOSED' });
  });

  it('RecusalRequired → RecusalRequiredError (回避), not a plain refusal', () => {
    expect(fromTemporalError(rejected(FAILURE_TYPES.recusal, 'you made this request'))).toEqual(
      new RecusalRequiredError('you made this request'),
    );
  });

  it('InvalidCommand → InvalidInputError with the field the workflow names', () => {
    const error = fromTemporalError(rejected(FAILURE_TYPES.invalidCommand, 'newDueAt must be in the future', { field: 'newDueAt' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ message: 'newDueAt must be in the future', field: 'newDueAt' });
  });

  it('an unknown failure type is not translated (the filter logs it as a 500)', () => {
    expect(fromTemporalError(rejected('TypeError', 'cannot read x of undefined'))).toBeUndefined();
  });
});

describe('fromTemporalError — finished workflows and transport', () => {
  it('a finished workflow → what the caller says it means, else WorkflowEndedError with the stored status', () => {
    const gone = new WorkflowNotFoundError('not found', 'case-1', undefined);
    expect(fromTemporalError(gone, { ended: () => CaseClosedError.of('ZG-1') })).toEqual(CaseClosedError.of('ZG-1'));
    expect(fromTemporalError(gone, { status: 'CLOSED' })).toEqual(new WorkflowEndedError(undefined, 'CLOSED'));
    expect(fromTemporalError(gone)).toBeInstanceOf(WorkflowEndedError);
  });

  it('RESOURCE_EXHAUSTED → TooManyInFlightError', () => {
    expect(fromTemporalError(new ServiceError('Workflow Update failed', { cause: grpcError(8) }))).toBeInstanceOf(TooManyInFlightError);
  });

  it.each([
    ['UNAVAILABLE', new ServiceError('Workflow Update failed', { cause: grpcError(14) })],
    ['DEADLINE_EXCEEDED', grpcError(4)],
    ['ABORTED (an update aborted with its workflow task)', new ServiceError('Workflow Update failed', { cause: grpcError(10) })],
    ['INTERNAL (the server failing inside)', new ServiceError('Workflow Update failed', { cause: grpcError(13) })],
    [
      'FAILED_PRECONDITION (WorkflowNotReady: its first task still running)',
      new ServiceError('Workflow Update failed', { cause: grpcError(9) }),
    ],
    ['an update RPC timeout', new WorkflowUpdateRPCTimeoutOrCancelledError('timed out', { cause: grpcError(4) })],
    ['a failed connection', new ServiceError('Failed to connect to Temporal server', { cause: new Error('No connection established') })],
  ])('%s → TemporalUnavailableError', (_, error) => {
    expect(fromTemporalError(error)).toBeInstanceOf(TemporalUnavailableError);
  });

  it('leaves what is not Temporal’s alone', () => {
    expect(fromTemporalError(new TypeError('boom'))).toBeUndefined();
    expect(fromTemporalError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });
});
