import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { businessTimeZone, zoneLabel } from '../time/business-time';
import { en } from './en';
import { zh, type Dict } from './zh';

export type Lang = 'zh' | 'en';
const DICTS: Record<Lang, Dict> = { zh, en };
const KEY = 'reform.lang';

export interface I18n {
  t: Dict;
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A moment on the business wall clock (TZ_BUSINESS), in the reader's language: 2026年11月28日 18:00. */
  dateTime: (iso: string | null | undefined) => string;
  /** The day alone: 2026年11月28日. */
  date: (iso: string | null | undefined) => string;
  /** The time of day alone: 18:00. */
  time: (iso: string | null | undefined) => string;
  /** The zone those are in: 北京时间, or the IANA name of another. */
  timeZone: string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLang] = useState<Lang>(() => initial ?? (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    localStorage.setItem(KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const zone = businessTimeZone();
  const value = useMemo<I18n>(() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const formatter = (options: Intl.DateTimeFormatOptions) => {
      const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
      return (iso: string | null | undefined) => (iso ? format.format(new Date(iso)) : '—');
    };
    return {
      t: DICTS[lang],
      lang,
      setLang,
      dateTime: formatter({ dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }),
      date: formatter({ dateStyle: 'medium' }),
      time: formatter({ timeStyle: 'short', hourCycle: 'h23' }),
      timeZone: zoneLabel(zone, lang),
    };
  }, [lang, zone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider>');
  return value;
}
