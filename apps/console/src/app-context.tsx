import { createContext, useContext } from 'react';
import type { Api } from './api/client';
import type { User } from './session';

export interface AppContextValue {
  api: Api;
  user: User;
  signOut: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The signed-in user and the API client that carries their token. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp needs a signed-in <AppContext.Provider>');
  return value;
}
