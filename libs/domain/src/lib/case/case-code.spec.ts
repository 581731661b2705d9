import { caseCodeYear, chinaStandardYear } from './case-code';

describe('caseCodeYear', () => {
  it("counts the year the business's zone is in when the case opens", () => {
    expect(caseCodeYear('2026-12-31T16:30:00.000Z', 'Asia/Shanghai')).toBe(2027);
    expect(caseCodeYear('2026-12-31T15:59:59.000Z', 'Asia/Shanghai')).toBe(2026);
    expect(caseCodeYear('2027-01-01T03:00:00.000Z', 'America/New_York')).toBe(2026);
  });

  it('agrees with the fixed UTC+8 count where the business is in China', () => {
    for (const at of ['2026-12-31T15:59:59.999Z', '2026-12-31T16:00:00.000Z', '2027-06-30T20:00:00.000Z']) {
      expect(caseCodeYear(at, 'Asia/Shanghai')).toBe(chinaStandardYear(at));
    }
  });
});
