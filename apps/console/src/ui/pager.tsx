import { useI18n } from '../i18n/i18n';

/** 上一页 / 第 n / m 页 / 下一页, shown only when there is more than one page. */
export function Pager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t.cases.page(page, pages)}>
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t.cases.prev}
      </button>
      <span>{t.cases.page(page, pages)}</span>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t.cases.next}
      </button>
    </nav>
  );
}
