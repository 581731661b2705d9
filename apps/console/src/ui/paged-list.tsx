import type { ReactNode } from 'react';
import type { Live } from '../hooks/use-live';
import { Pager } from './pager';

/** One page of a list: a line when there is nothing, else the items as `children` lays them out, then the pager. */
export function PagedList<T>({
  live,
  empty,
  page,
  pageSize,
  onPage,
  children,
}: {
  live: Live<{ items: T[]; total: number }>;
  empty: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  const items = live.data?.items;
  return (
    <>
      {items && items.length === 0 && <p>{empty}</p>}
      {items && items.length > 0 && children(items)}
      <Pager page={page} total={live.data?.total ?? 0} pageSize={pageSize} onPage={onPage} />
    </>
  );
}
