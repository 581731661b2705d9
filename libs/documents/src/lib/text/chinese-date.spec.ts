import { chineseDate } from './chinese-date';
import { chineseDigits, chineseNumber } from './chinese-numerals';

describe('chineseDate', () => {
  it('writes the date in Chinese numerals, as 成文日期 is written', () => {
    expect(chineseDate('2026-12-02T03:00:00Z', 'Asia/Shanghai')).toBe('二〇二六年十二月二日');
    expect(chineseDate('2026-03-10T03:00:00Z', 'Asia/Shanghai')).toBe('二〇二六年三月十日');
    expect(chineseDate('2026-10-21T03:00:00Z', 'Asia/Shanghai')).toBe('二〇二六年十月二十一日');
  });

  it('prints the calendar day of the given zone, across the UTC/Beijing date line', () => {
    const lateEveningUtc = '2026-12-01T16:30:00Z';
    expect(chineseDate(lateEveningUtc, 'UTC')).toBe('二〇二六年十二月一日');
    expect(chineseDate(lateEveningUtc, 'Asia/Shanghai')).toBe('二〇二六年十二月二日');
    expect(chineseDate('2026-12-31T16:00:00Z', 'Asia/Shanghai')).toBe('二〇二七年一月一日');
  });

  it('refuses what is not a date', () => {
    expect(() => chineseDate('yesterday', 'Asia/Shanghai')).toThrow(/not an ISO date-time/);
  });
});

describe('Chinese numerals', () => {
  it('reads counts the way they are spoken', () => {
    expect([1, 10, 11, 20, 23, 30, 31].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十三', '三十', '三十一']);
    expect(() => chineseNumber(100)).toThrow(RangeError);
  });

  it('writes a year digit by digit, zero as 〇', () => {
    expect(chineseDigits(2030)).toBe('二〇三〇');
  });
});
