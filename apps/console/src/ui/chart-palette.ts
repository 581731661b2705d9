/**
 * The charts' colours: each has at least 4.5:1 contrast against the white chart ground (WCAG AA for
 * text, so also for bars and lines, which need 3:1), and the series a chart puts side by side differ
 * in shape or position too, never by colour alone.
 */
export const CHART_COLOURS = {
  ink: '#1f2328',
  muted: '#5f6670',
  grid: '#d8dce1',
  blue: '#1d4f91',
  green: '#1e7b34',
  red: '#a61b1b',
  amber: '#8a5100',
  teal: '#0b6262',
  darkRed: '#6e1010',
  ground: '#ffffff',
} as const;

export const CHART_FONT = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

/** The axis, legend and grid styling every chart shares. */
export const CHART_BASE = {
  animation: false,
  backgroundColor: CHART_COLOURS.ground,
  textStyle: { color: CHART_COLOURS.ink, fontFamily: CHART_FONT, fontSize: 12 },
  legend: { top: 0, textStyle: { color: CHART_COLOURS.ink } },
  tooltip: { trigger: 'axis' as const },
  grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
};

export const AXIS_STYLE = {
  axisLabel: { color: CHART_COLOURS.ink },
  axisLine: { lineStyle: { color: CHART_COLOURS.muted } },
  splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
};
