import { UUID_PATTERN } from '../validation/field.decorators';
import { orderedIds } from './ordered-ids';

describe('orderedIds', () => {
  it('makes version-7 UUIDs that sort in the order they were asked for', () => {
    const ids = orderedIds(200, Date.parse('2026-09-30T02:00:00Z'));
    expect(new Set(ids).size).toBe(200);
    expect(ids.every((id) => UUID_PATTERN.test(id) && id[14] === '7' && '89ab'.includes(id[19]))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0].slice(0, 13)).toBe('01a0f00a-4500'); // the millisecond, in hex
  });

  it('sorts a later batch after an earlier one', () => {
    const [early] = orderedIds(1, 1_000);
    const [late] = orderedIds(1, 2_000);
    expect(early < late).toBe(true);
  });
});
