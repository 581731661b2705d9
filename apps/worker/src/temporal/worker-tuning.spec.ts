import { setFlagsFromString } from 'node:v8';
import { DEFAULT_HEAP_GROWTH_PERCENT, DEFAULT_MAX_CACHED_WORKFLOWS, limitHeapGrowth, workerTuning } from './worker-tuning';

jest.mock('node:v8', () => ({ ...jest.requireActual('node:v8'), setFlagsFromString: jest.fn() }));

describe('worker tuning', () => {
  beforeEach(() => jest.mocked(setFlagsFromString).mockClear());

  it('caps V8 heap growth at the default unless told otherwise', () => {
    limitHeapGrowth(undefined);
    expect(setFlagsFromString).toHaveBeenCalledWith(`--heap-growing-percent=${DEFAULT_HEAP_GROWTH_PERCENT}`);
    limitHeapGrowth(60);
    expect(setFlagsFromString).toHaveBeenLastCalledWith('--heap-growing-percent=60');
  });

  it('leaves V8 its own heuristics with 0', () => {
    limitHeapGrowth(0);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('caches the default number of workflows unless the host says otherwise', () => {
    expect(workerTuning({}).maxCachedWorkflows).toBe(DEFAULT_MAX_CACHED_WORKFLOWS);
    expect(workerTuning({ maxCachedWorkflows: 300 }).maxCachedWorkflows).toBe(300);
  });
});
