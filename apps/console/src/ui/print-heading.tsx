import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useI18n } from '../i18n/i18n';

/** Now, renewed the moment the page is printed (the print dialog, Ctrl+P, or print media emulated). */
function usePrintTime(): string {
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    // Rendered at once: the page is laid out for paper right after this event.
    const renew = () => flushSync(() => setAt(new Date().toISOString()));
    const print = window.matchMedia?.('print');
    const onMedia = (event: MediaQueryListEvent) => event.matches && renew();
    window.addEventListener('beforeprint', renew);
    print?.addEventListener?.('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', renew);
      print?.removeEventListener?.('change', onMedia);
    };
  }, []);
  return at;
}

/** A page's title with its 打印 button; on paper, the title with when it was printed in place of the button. */
export function PrintHeading({ id, title }: { id: string; title: string }) {
  const { t, dateTime } = useI18n();
  const printedAt = usePrintTime();
  return (
    <header className="page-heading">
      <h1 id={id}>{title}</h1>
      <button type="button" className="secondary print-button" onClick={() => window.print()}>
        {t.print.button}
      </button>
      <p className="print-only printed-at">{t.print.printedAt(t.app.title, dateTime(printedAt))}</p>
    </header>
  );
}
