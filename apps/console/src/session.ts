import type { Role } from './api/types';

/** The signed-in user, as the token's claims say. */
export interface User {
  id: string;
  name: string;
  roles: Role[];
  /** A unit user's own unit (责任单位). */
  unitId?: string;
  /** An officer's, supervisor's or auditor's discipline-side org unit: the API confines them to its jurisdiction. */
  orgUnitId?: string;
}

export interface Session {
  token: string;
  user: User;
  /** Epoch milliseconds of the token's `exp`. */
  expiresAt: number;
}

/** Per tab, so two tabs can be two people (a unit and its supervisor) on one machine. */
const KEY = 'reform.session';
/** Every role the contract knows: a role added there fails to compile here until the console knows it too. */
const KNOWN_ROLES: Record<Role, true> = { officer: true, supervisor: true, unit: true, auditor: true, admin: true };
const isRole = (value: unknown): value is Role => typeof value === 'string' && Object.hasOwn(KNOWN_ROLES, value);

/** Reads the claims of a JWT; the API checks the signature, the console only needs to know who it is. */
export function sessionFromToken(token: string): Session | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as {
      sub?: unknown;
      name?: unknown;
      roles?: unknown;
      unitId?: unknown;
      orgUnitId?: unknown;
      exp?: unknown;
    };
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || typeof claims.exp !== 'number') return null;
    const roles = claims.roles.filter(isRole);
    const user: User = { id: claims.sub, name: typeof claims.name === 'string' ? claims.name : claims.sub, roles };
    if (typeof claims.unitId === 'string') user.unitId = claims.unitId;
    if (typeof claims.orgUnitId === 'string') user.orgUnitId = claims.orgUnitId;
    return { token, user, expiresAt: claims.exp * 1000 };
  } catch {
    return null;
  }
}

export function loadSession(now = Date.now()): Session | null {
  const token = sessionStorage.getItem(KEY);
  const session = token ? sessionFromToken(token) : null;
  if (session && session.expiresAt > now) return session;
  sessionStorage.removeItem(KEY);
  return null;
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, session.token);
  else sessionStorage.removeItem(KEY);
}

export const hasRole = (user: User | undefined, ...roles: Role[]): boolean => !!user && roles.some((role) => user.roles.includes(role));
