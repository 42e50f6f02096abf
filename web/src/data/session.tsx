// The signed-in user, the anti-forgery token every write sends, and session expiry. A write or read answered 401
// while the page thought it was signed in marks the session expired: the page stays as it is (every form keeps
// what was typed) and a login dialog opens over it; once logged in again the work goes on where it was.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { POLICY, type Action } from '../../../src/services/policy.ts';
import { api } from '../api/client.ts';

const CSRF_KEY = 'chitieu.csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrf: string | null = (() => {
  try {
    return sessionStorage.getItem(CSRF_KEY);
  } catch {
    return null;
  }
})();
function setCsrf(token: string | null): void {
  csrf = token;
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    // Storage refused: the token lives in memory for this page.
  }
}

/**
 * A write sent before the session's token is known (a click while the page is still asking who is signed in, a new
 * tab) first asks the server for it, once, instead of going out without it and being refused as a forgery.
 */
let asking: Promise<void> | null = null;
async function tokenForWrite(path: string): Promise<string | null> {
  if (csrf || path.startsWith('/api/auth/login')) return csrf;
  asking ??= fetch('/api/auth/session', { credentials: 'same-origin' })
    .then(async (r) => {
      const body = r.ok ? ((await r.json()) as { csrfToken?: string }) : null;
      if (body?.csrfToken) setCsrf(body.csrfToken);
    })
    .catch(() => undefined)
    .finally(() => {
      asking = null;
    });
  await asking;
  return csrf;
}

const expiryListeners = new Set<() => void>();

api.use({
  async onRequest({ request }) {
    if (SAFE.has(request.method)) return request;
    const token = await tokenForWrite(new URL(request.url, location.href).pathname);
    if (token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url, location.href).pathname.startsWith('/api/auth/')) {
      for (const l of expiryListeners) l();
    }
    return response;
  },
});

export interface SessionUser {
  id: string;
  email: string;
  tenantId: string;
  roles: string[];
  agencyId: string | null;
}

interface SessionValue {
  user: SessionUser | null;
  pending: boolean;
  mustChangePassword: boolean;
  /** The session ended under the page (expired, revoked elsewhere): the login dialog is open. */
  expired: boolean;
  logIn: (email: string, password: string, tenant?: string) => Promise<{ ok: boolean; mustChangePassword: boolean }>;
  logOut: (everywhere: boolean) => Promise<void>;
  /** Forget the user locally (after a password change ended every session). */
  forget: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);
const SESSION_KEY = ['session'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [expired, setExpired] = useState(false);
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const r = await api.GET('/api/auth/session');
      if (r.response.status === 401) return null;
      if (!r.data) throw new Error(`HTTP ${r.response.status}`);
      if (r.data.csrfToken) setCsrf(r.data.csrfToken);
      return r.data;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  const user = session.data?.user ?? null;
  useEffect(() => {
    const onExpiry = () => {
      if (qc.getQueryData(SESSION_KEY)) setExpired(true);
    };
    expiryListeners.add(onExpiry);
    return () => {
      expiryListeners.delete(onExpiry);
    };
  }, [qc]);

  const logIn = useCallback(
    async (email: string, password: string, tenant?: string) => {
      const r = await api.POST('/api/auth/login', { body: { email, password, ...(tenant ? { tenant } : {}) } });
      if (!r.data) return { ok: false, mustChangePassword: false };
      setCsrf(r.data.csrfToken ?? null);
      qc.setQueryData(SESSION_KEY, { user: r.data.user, mustChangePassword: r.data.mustChangePassword ?? false });
      setExpired(false);
      // Everything read while signed out (or as someone else) is read again.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      return { ok: true, mustChangePassword: r.data.mustChangePassword ?? false };
    },
    [qc],
  );
  const forget = useCallback(() => {
    setCsrf(null);
    qc.setQueryData(SESSION_KEY, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    setExpired(false);
  }, [qc]);
  const logOut = useCallback(
    async (everywhere: boolean) => {
      await api.POST(everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout');
      forget();
    },
    [forget],
  );
  const value = useMemo<SessionValue>(
    () => ({
      user,
      pending: session.isPending,
      mustChangePassword: session.data?.mustChangePassword ?? false,
      expired,
      logIn,
      logOut,
      forget,
    }),
    [user, session.isPending, session.data?.mustChangePassword, expired, logIn, logOut, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session where there is one (the staff app); null on the public portal, which has none. */
export function useMaybeSession(): SessionValue | null {
  return useContext(SessionContext);
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** Whether the user's roles allow an action, read from the one policy (for showing links; the API decides). */
export const may = (user: SessionUser | null, action: Action): boolean =>
  user !== null && user.roles.some((r) => (POLICY[action] as Record<string, unknown>)[r] !== undefined);

/** The problem+json of a refused call: its code, message and field issues. */
export interface Problem {
  code?: string;
  messages?: { vi: string; en: string };
  errors?: { path: string; reason: { vi: string; en: string } }[];
  details?: Record<string, unknown>;
  status?: number;
}
