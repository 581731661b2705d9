import { useEffect, useRef } from 'react';
import { createChart, type ChartOption, type EChartsType } from './echarts';

/** How wide a chart is drawn on A4 paper (180 mm of print area less the figure's padding, at 96 px an inch). */
const PRINT_WIDTH = 640;
/** A box that has no width yet (a test's jsdom, a hidden tab) still gets a chart, this wide. */
const FALLBACK_WIDTH = 640;

/**
 * An ECharts chart, drawn as SVG: made when mounted, given each new `option`, resized with its box
 * and for paper, disposed when unmounted. It is hidden from screen readers: its figure says the same
 * in words and a table.
 */
export function EChart({ option, height = 320 }: { option: ChartOption; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    const element = box.current as HTMLDivElement;
    const instance = createChart(element, element.clientWidth > 0 ? {} : { width: FALLBACK_WIDTH, height });
    chart.current = instance;
    instance.setOption(latest.current);
    // Paper is laid out after these events and never observed: while printing, the chart is drawn as wide as A4 allows.
    const print = window.matchMedia?.('print');
    let printing = print?.matches ?? false;
    // 'auto' again after paper: a width once given would otherwise stick.
    const fit = () => instance.resize({ width: printing ? PRINT_WIDTH : 'auto' });
    if (printing) fit();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(fit);
    observer?.observe(element);
    const onMedia = (event: MediaQueryListEvent) => {
      printing = event.matches;
      fit();
    };
    const beforePrint = () => {
      printing = true;
      fit();
    };
    const afterPrint = () => {
      printing = print?.matches ?? false;
      fit();
    };
    print?.addEventListener?.('change', onMedia);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      observer?.disconnect();
      print?.removeEventListener?.('change', onMedia);
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      instance.dispose();
      chart.current = null;
    };
  }, [height]);

  // Refreshes bring equal data every 15 s: redraw only when the chart would change.
  const key = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption(latest.current, { notMerge: true });
  }, [key]);

  return <div ref={box} className="echart" style={{ height }} aria-hidden="true" data-testid="echart" />;
}
