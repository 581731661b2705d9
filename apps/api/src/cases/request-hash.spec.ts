import { canonicalJson, requestHash } from './request-hash';

describe('requestHash', () => {
  it('ignores key order at every depth', () => {
    const a = { title: 't', findings: [{ unitId: 'U1', dueAt: 'x' }] };
    const b = { findings: [{ dueAt: 'x', unitId: 'U1' }], title: 't' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestHash(a)).toBe(requestHash(b));
  });

  it('tells apart bodies that differ, including array order', () => {
    expect(requestHash({ findings: [1, 2] })).not.toBe(requestHash({ findings: [2, 1] }));
    expect(requestHash({ title: 'a' })).not.toBe(requestHash({ title: 'b' }));
  });
});
