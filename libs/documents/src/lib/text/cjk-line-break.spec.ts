import { breakCjkLines } from './cjk-line-break';

/** Every character one unit wide, so widths are character counts. */
const count = (text: string) => [...text].length;

describe('breakCjkLines', () => {
  it('fills each line, the first narrower by its indent, and marks the last', () => {
    const lines = breakCjkLines('一二三四五六七八九十', 4, 2, count);
    expect(lines.map((l) => l.text)).toEqual(['一二', '三四五六', '七八九十']);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    const lines = breakCjkLines('甲乙丙，丁戊“己庚”辛', 3, 0, count);
    for (const line of lines) {
      expect(line.text).not.toMatch(/^[，。、”）]/);
      expect(line.text).not.toMatch(/[“（]$/);
    }
    expect(lines.map((l) => l.text).join('')).toBe('甲乙丙，丁戊“己庚”辛');
  });

  it('keeps a case code or a number whole', () => {
    const lines = breakCjkLines('案件编号ZG-2026-0007已办结', 8, 0, count);
    expect(lines.some((l) => l.text.includes('ZG-2026-0007'))).toBe(true);
  });

  it('gives one empty last line for empty text', () => {
    expect(breakCjkLines('', 10, 0, count)).toEqual([{ text: '', width: 0, last: true }]);
  });
});
