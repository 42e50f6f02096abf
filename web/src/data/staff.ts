// Signed-in work: the session (with its anti-forgery token, sent on every write) and the problem+json errors of a
// failed write turned into the reader's language, with the field each is about.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Locale } from '../i18n/messages.ts';

export interface SessionInfo {
  user: { id: string; email: string; tenantId: string; roles: string[]; agencyId: string | null };
  csrfToken?: string;
}

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<SessionInfo | null> => {
      const r = await api.GET('/api/auth/session');
      return r.response.ok && r.data ? (r.data as SessionInfo) : null;
    },
    staleTime: 60_000,
  });
}

export const hasRole = (s: SessionInfo | null | undefined, ...roles: string[]) =>
  !!s && s.user.roles.some((r) => roles.includes(r));

/** The session's anti-forgery token for a write sent with plain fetch (the typed client adds it by itself). */
export function csrf(s: SessionInfo | null | undefined): Record<string, string> {
  let token = s?.csrfToken ?? null;
  try {
    token ??= sessionStorage.getItem('chitieu.csrf');
  } catch {
    // No storage: only the session's answer has it.
  }
  return token ? { 'x-csrf-token': token } : {};
}

interface Problem {
  messages?: { vi?: string; en?: string };
  detail?: string;
  title?: string;
  errors?: { path?: string; reason?: { vi?: string; en?: string } }[];
}

/** A failed write's message in the reader's language, and its messages per field ("body/deadline" → "deadline"). */
export function problemOf(error: unknown, locale: Locale): { message: string; fields: Record<string, string> } {
  const p = (error ?? {}) as Problem;
  const fields: Record<string, string> = {};
  for (const e of p.errors ?? []) {
    const key = (e.path ?? '').replace(/^body\//, '').replace(/^\//, '');
    const reason = e.reason?.[locale] ?? e.reason?.vi;
    if (key && reason) fields[key] = reason;
  }
  return { message: p.messages?.[locale] ?? p.detail ?? p.title ?? String(error ?? ''), fields };
}
