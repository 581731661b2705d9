import { formatDocNo } from './doc-no';

describe('formatDocNo', () => {
  it('writes 机关代字〔年份〕序号号 without leading zeros', () => {
    expect(formatDocNo('纪督', 2026, 3)).toBe('纪督〔2026〕3号');
    expect(formatDocNo('县纪建', 2026, 12)).toBe('县纪建〔2026〕12号');
  });

  it('refuses a blank prefix, a year that is not four digits and a serial below one', () => {
    expect(() => formatDocNo(' ', 2026, 1)).toThrow(/prefix/);
    expect(() => formatDocNo('纪督', 26, 1)).toThrow(/year/);
    expect(() => formatDocNo('纪督', 2026, 0)).toThrow(/serial/);
    expect(() => formatDocNo('纪督', 2026, 1.5)).toThrow(/serial/);
  });
});
