import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EChart } from './echart';
import type { ChartOption } from './echarts';

const option = (values: number[]): ChartOption => ({
  animation: false,
  xAxis: { type: 'category', data: ['一月', '二月', '三月'] },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', data: values }],
});

describe('EChart', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws the option as SVG, hidden from screen readers, and redraws when the option changes', () => {
    const { getByTestId, rerender } = render(<EChart option={option([3, 5, 8])} />);
    const box = getByTestId('echart');
    expect(box.getAttribute('aria-hidden')).toBe('true');
    expect(box.querySelector('svg')).toBeTruthy();
    expect(box.textContent).toContain('二月');
    rerender(<EChart option={{ ...option([3, 5, 8]), xAxis: { type: 'category', data: ['四月', '五月', '六月'] } }} />);
    expect(box.textContent).toContain('五月');
    expect(box.textContent).not.toContain('二月');
  });

  it('follows its box as it resizes, and lets go of the chart and the observer when unmounted', () => {
    const observed: Element[] = [];
    const disconnect = vi.fn();
    let resized: (() => void) | undefined;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          resized = callback;
        }
        observe(element: Element) {
          observed.push(element);
        }
        disconnect = disconnect;
      },
    );
    const { getByTestId, unmount } = render(<EChart option={option([1, 2, 3])} />);
    const box = getByTestId('echart');
    expect(observed).toEqual([box]);
    expect(() => resized?.()).not.toThrow();
    unmount();
    expect(disconnect).toHaveBeenCalled();
    expect(box.querySelector('svg')).toBeNull();
  });
});
