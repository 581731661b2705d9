import { describe, expect, it } from 'vitest';
import { CHART_COLOURS } from './chart-palette';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('chart colours', () => {
  it('each series and text colour has at least 4.5:1 contrast against the white chart ground (WCAG AA)', () => {
    const { ground, grid: _grid, ...drawn } = CHART_COLOURS;
    for (const [name, colour] of Object.entries(drawn)) {
      expect({ name, ratio: contrast(colour, ground) >= 4.5 }).toEqual({ name, ratio: true });
    }
  });

  it('the contrast check itself: black on white is 21:1, a pale grey fails', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#d8dce1', '#ffffff')).toBeLessThan(4.5);
  });
});
