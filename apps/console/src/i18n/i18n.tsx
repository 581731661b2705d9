import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zh, type Dict } from './zh';

export type Lang = 'zh' | 'en';
const DICTS: Record<Lang, Dict> = { zh, en };
const KEY = 'reform.lang';

export interface I18n {
  t: Dict;
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A moment as the reader's calendar shows it: 2026年11月28日 18:00. */
  dateTime: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLang] = useState<Lang>(() => initial ?? (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    localStorage.setItem(KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return { t: DICTS[lang], lang, setLang, dateTime: (iso) => (iso ? format.format(new Date(iso)) : '—') };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider>');
  return value;
}
