// Pieces the staff pages share: the guard that asks for a login, a form error line, the item-kind words.
import type { ReactNode } from 'react';
import { useSession, type SessionInfo } from '../data/staff.ts';
import { useAdminT } from '../i18n/admin-messages.ts';
import { Loading } from '../components/states.tsx';

export function SignedIn({ children }: { children: (s: SessionInfo) => ReactNode }) {
  const a = useAdminT();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  if (!session.data)
    return (
      <p role="alert" className="error">
        {a.signInFirst}
      </p>
    );
  return <>{children(session.data)}</>;
}

export function FormError({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="error" data-testid={testId ?? 'form-error'}>
      {message}
    </p>
  );
}

export function Saved({ show }: { show: boolean }) {
  const a = useAdminT();
  return show ? (
    <p role="status" className="muted">
      {a.saved}
    </p>
  ) : null;
}

export function useKindWord() {
  const a = useAdminT();
  return (k: string) => (k === 'task' ? a.kindTask : k === 'project' ? a.kindProject : a.kindTarget);
}
