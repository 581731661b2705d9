import { EChart } from './echart';
import type { ChartOption } from './echarts';
import { useI18n } from '../i18n/i18n';

/** A chart's numbers for people who cannot see it: column headings, then one row per category (its label first). */
export interface ChartTable {
  head: string[];
  rows: Array<[label: string, ...values: Array<string | number>]>;
}

/**
 * A titled chart with its text alternative: a caption saying what it shows, and the numbers it is
 * drawn from as a table under a 数据表 disclosure.
 */
export function ChartFigure({
  id,
  title,
  caption,
  option,
  table,
  height,
}: {
  id: string;
  title: string;
  caption: string;
  option: ChartOption;
  table: ChartTable;
  height?: number;
}) {
  const { t } = useI18n();
  return (
    <section className="chart-panel" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <figure className="chart" aria-labelledby={`${id}-caption`}>
        <EChart option={option} height={height} />
        <figcaption id={`${id}-caption`} className="muted">
          {caption}
        </figcaption>
      </figure>
      <details className="chart-data">
        <summary>{t.dashboard.dataTable}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {table.head.map((head) => (
                <th key={head} scope="col">
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map(([label, ...values]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {values.map((value, index) => (
                  <td key={index}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
