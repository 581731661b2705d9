import { useEffect, useState, type ReactNode } from 'react';
import type { ConsoleSettings } from '@reform/contracts';
import { API_BASE } from '../api/client';
import { DEFAULT_TIME_ZONE, setBusinessTimeZone } from './business-time';

/**
 * Renders the console once the deployment's TZ_BUSINESS is known, so no time is ever shown in the
 * browser's zone first. Should GET /settings fail, the default zone stands (and the views say the
 * server is unreachable in their own words).
 */
export function SettingsGate({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    fetch(`${API_BASE}/settings`, { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<ConsoleSettings>) : undefined))
      .catch(() => undefined)
      .then((settings) => {
        setBusinessTimeZone(settings?.timeZone ?? DEFAULT_TIME_ZONE);
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
  }, []);
  return ready ? <>{children}</> : <p className="boot" aria-busy="true" />;
}
