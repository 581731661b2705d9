export interface BarSeries {
  key: string;
  label: string;
}

export interface BarGroup {
  label: string;
  values: Record<string, number>;
}

const BAR = 14;
const GAP = 10;
const MIN_LEFT = 96;
const MAX_LEFT = 240;
const WIDTH = 560;

/** About how wide a 12px label is: a CJK character a full em, anything else a little over half. */
function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char) ? 12 : 7;
  return width;
}

/**
 * A grouped horizontal bar chart as plain SVG: one row of bars per group, one bar per series,
 * each bar labelled with its number; the figure carries a text description for screen readers.
 */
export function BarChart({ groups, series, title }: { groups: BarGroup[]; series: BarSeries[]; title: string }) {
  const max = Math.max(1, ...groups.flatMap((group) => series.map((s) => group.values[s.key] ?? 0)));
  const rowHeight = series.length * BAR + GAP;
  const height = groups.length * rowHeight + 28;
  // Units are named, not coded (县人力资源和社会保障局): the labels' column grows to fit them.
  const left = Math.min(MAX_LEFT, Math.max(MIN_LEFT, 16 + Math.max(0, ...groups.map((group) => labelWidth(group.label)))));
  const scale = (WIDTH - left - 40) / max;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {groups.map((group, row) => {
          const top = row * rowHeight;
          return (
            <g key={group.label}>
              <text x={left - 8} y={top + (series.length * BAR) / 2 + 4} textAnchor="end" className="chart-label">
                {group.label}
              </text>
              {series.map((s, index) => {
                const value = group.values[s.key] ?? 0;
                const y = top + index * BAR;
                return (
                  <g key={s.key}>
                    <rect
                      x={left}
                      y={y}
                      width={Math.max(value * scale, value > 0 ? 2 : 0)}
                      height={BAR - 2}
                      className={`bar bar-${s.key}`}
                    />
                    <text x={left + value * scale + 4} y={y + BAR - 4} className="chart-value">
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {series.map((s, index) => (
          <g key={s.key} transform={`translate(${left + index * 110}, ${height - 14})`}>
            <rect width={10} height={10} className={`bar bar-${s.key}`} />
            <text x={14} y={9} className="chart-label">
              {s.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="visually-hidden">
        {groups.map((group) => `${group.label}: ${series.map((s) => `${s.label} ${group.values[s.key] ?? 0}`).join(', ')}`).join('; ')}
      </figcaption>
    </figure>
  );
}
