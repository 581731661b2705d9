import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { Pager } from './pager';

const pager = (page: number, total: number, onPage = vi.fn()) => {
  render(
    <I18nProvider initial="zh">
      <Pager page={page} total={total} pageSize={20} onPage={onPage} />
    </I18nProvider>,
  );
  return onPage;
};

describe('Pager', () => {
  it('is not there when everything fits on one page', () => {
    pager(1, 20);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('says which page of how many, and turns to the next', () => {
    const onPage = pager(1, 41);
    const nav = screen.getByRole('navigation', { name: '第 1 / 3 页' });
    expect(nav.textContent).toContain('第 1 / 3 页');
    expect((screen.getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('turns back from the last page and goes no further', () => {
    const onPage = pager(3, 41);
    expect((screen.getByRole('button', { name: '下一页' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '上一页' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });
});
