import { useCallback, useEffect, useRef, useState } from 'react';

export const REFRESH_MS = 15_000;

export interface Live<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** When the data last arrived. */
  at: Date | undefined;
  reload: () => void;
}

/**
 * Data that keeps itself current: loaded now, again whenever the window regains focus or the tab
 * becomes visible, and every 15 s while it is visible. A failed refresh keeps the last data and
 * reports the error; answers that arrive out of order are dropped.
 */
export function useLive<T>(load: () => Promise<T>, deps: readonly unknown[], intervalMs = REFRESH_MS): Live<T> {
  const [state, setState] = useState<Omit<Live<T>, 'reload'>>({ data: undefined, error: undefined, loading: true, at: undefined });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => ticket === latest.current && setState({ data, error: undefined, loading: false, at: new Date() }),
      (error: unknown) => ticket === latest.current && setState((previous) => ({ ...previous, error, loading: false })),
    );
  }, []);

  useEffect(() => {
    setState({ data: undefined, error: undefined, loading: true, at: undefined });
    reload();
    const onFocus = () => reload();
    const onVisible = () => document.visibilityState === 'visible' && reload();
    const timer = setInterval(() => document.visibilityState !== 'hidden' && reload(), intervalMs);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      latest.current += 1;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload, intervalMs, ...deps]);

  return { ...state, reload };
}

/** The current time, ticking every `everyMs`, for countdowns. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
