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
const LEFT = 96;
const WIDTH = 560;

/**
 * A grouped horizontal bar chart as plain SVG: one row of bars per group, one bar per series,
 * each bar labelled with its number; the figure carries a text description for screen readers.
 */
export function BarChart({ groups, series, title }: { groups: BarGroup[]; series: BarSeries[]; title: string }) {
  const max = Math.max(1, ...groups.flatMap((group) => series.map((s) => group.values[s.key] ?? 0)));
  const rowHeight = series.length * BAR + GAP;
  const height = groups.length * rowHeight + 28;
  const scale = (WIDTH - LEFT - 40) / max;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {groups.map((group, row) => {
          const top = row * rowHeight;
          return (
            <g key={group.label}>
              <text x={LEFT - 8} y={top + (series.length * BAR) / 2 + 4} textAnchor="end" className="chart-label">
                {group.label}
              </text>
              {series.map((s, index) => {
                const value = group.values[s.key] ?? 0;
                const y = top + index * BAR;
                return (
                  <g key={s.key}>
                    <rect
                      x={LEFT}
                      y={y}
                      width={Math.max(value * scale, value > 0 ? 2 : 0)}
                      height={BAR - 2}
                      className={`bar bar-${s.key}`}
                    />
                    <text x={LEFT + value * scale + 4} y={y + BAR - 4} className="chart-value">
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {series.map((s, index) => (
          <g key={s.key} transform={`translate(${LEFT + index * 110}, ${height - 14})`}>
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
