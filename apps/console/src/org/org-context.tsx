import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OrgUnit, OrgUnitList } from '../api/types';
import { useApp } from '../app-context';

/** 组织机构 as the console holds it: loaded once per sign-in, again after the admin changes it. */
export interface OrgDirectory {
  units: OrgUnit[];
  byId: ReadonlyMap<string, OrgUnit>;
  loaded: boolean;
  /** The last load's failure; names then fall back to codes, pickers to typing a code. */
  error: unknown;
  reload: () => Promise<void>;
}

const OrgContext = createContext<OrgDirectory | null>(null);

interface Loaded {
  units: OrgUnit[];
  loaded: boolean;
  error: unknown;
}

/** Every view names units the same way, from one GET /org-units (any signed-in role may read it). */
export function OrgProvider({ children }: { children: ReactNode }) {
  const { api } = useApp();
  const [state, setState] = useState<Loaded>({ units: [], loaded: false, error: undefined });
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const { items } = await api.get<OrgUnitList>('/org-units');
      if (ticket === latest.current) setState({ units: items, loaded: true, error: undefined });
    } catch (error) {
      if (ticket === latest.current) setState((previous) => ({ ...previous, loaded: true, error }));
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const value = useMemo<OrgDirectory>(
    () => ({ ...state, byId: new Map(state.units.map((unit) => [unit.id, unit])), reload }),
    [state, reload],
  );
  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

export function useOrg(): OrgDirectory {
  const value = useContext(OrgContext);
  if (!value) throw new Error('useOrg needs an <OrgProvider>');
  return value;
}
