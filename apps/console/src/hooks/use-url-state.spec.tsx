import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUrlState } from './use-url-state';

/** A list's filter and pager as the pages use the hook: one select, next page. */
function Probe() {
  const { filters, page, setFilters, setPage } = useUrlState({ status: '', unitId: '' });
  return (
    <>
      <label>
        status
        <select value={filters.status} onChange={(e) => setFilters({ status: e.target.value })}>
          <option value="">any</option>
          <option value="OPEN">open</option>
          <option value="CLOSED">closed</option>
        </select>
      </label>
      <output data-testid="shown">{`${filters.status || '-'} ${filters.unitId || '-'} p${page}`}</output>
      <button type="button" onClick={() => setPage(page + 1)}>
        next
      </button>
    </>
  );
}

const shown = () => screen.getByTestId('shown').textContent;

describe('useUrlState', () => {
  it('writes a filter change into the address, in place of the current entry, and starts again from page 1', () => {
    window.history.replaceState(null, '', '/cases?page=3&keep=1');
    const before = window.history.length;
    render(<Probe />);
    expect(shown()).toBe('- - p3');
    fireEvent.change(screen.getByLabelText('status'), { target: { value: 'CLOSED' } });
    expect(window.location.pathname + window.location.search).toBe('/cases?keep=1&status=CLOSED');
    expect(window.history.length).toBe(before);
    expect(shown()).toBe('CLOSED - p1');
    fireEvent.click(screen.getByRole('button', { name: 'next' }));
    expect(window.location.search).toBe('?keep=1&status=CLOSED&page=2');
    // Back to the default: the filter leaves the address.
    fireEvent.change(screen.getByLabelText('status'), { target: { value: '' } });
    expect(window.location.search).toBe('?keep=1');
  });

  it('renders filtered from an address that carries the filters, as a bookmark or a reload does', () => {
    window.history.replaceState(null, '', '/cases?status=OPEN&unitId=U-FIN&page=2');
    render(<Probe />);
    expect(shown()).toBe('OPEN U-FIN p2');
    expect((screen.getByLabelText('status') as HTMLSelectElement).value).toBe('OPEN');
  });

  it('shows again what the address held when back or forward restores it', () => {
    window.history.replaceState(null, '', '/cases?status=OPEN');
    render(<Probe />);
    // The user goes on to another page (a finding) and comes back.
    act(() => {
      window.history.pushState(null, '', '/findings/f-1');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(shown()).toBe('- - p1');
    act(() => {
      window.history.replaceState(null, '', '/cases?status=OPEN');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(shown()).toBe('OPEN - p1');
  });

  it('ignores a page number that is no page', () => {
    window.history.replaceState(null, '', '/cases?page=abc');
    render(<Probe />);
    expect(shown()).toBe('- - p1');
  });
});
