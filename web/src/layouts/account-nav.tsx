// The staff navigation's signed-in parts: the work links (data entry and approval for those whose roles allow
// them, then requests, saved views and administration) on their own row under the header, and the account (or the
// login) link beside the bell. Kept apart from app-layout.tsx so the layout changes by a line.
import { Link } from '@tanstack/react-router';
import { StaffNav } from '../components/notification-bell.tsx';
import { may, useSession } from '../data/session.tsx';
import { useAccountT } from '../i18n/account-messages.ts';

export function WorkNav({ plan }: { plan: string | undefined }) {
  const { a } = useAccountT();
  const { user } = useSession();
  if (!user) return null;
  return (
    <nav aria-label={a.workNav} className="work-nav" data-testid="work-nav">
      {plan && may(user, 'observation.enter') && (
        <Link to="/plans/$plan/inbox" params={{ plan }} data-testid="nav-inbox">
          {a.navInbox}
        </Link>
      )}
      {plan && may(user, 'observation.review') && (
        <Link to="/plans/$plan/worklist" params={{ plan }} search={{}} data-testid="nav-worklist">
          {a.navWorklist}
        </Link>
      )}
      <StaffNav />
    </nav>
  );
}

export function AccountLink() {
  const { a } = useAccountT();
  const { user } = useSession();
  return user ? (
    <Link to="/account" className="account-link" data-testid="nav-account">
      {a.navAccount}
    </Link>
  ) : (
    <Link to="/login" className="account-link" data-testid="nav-login">
      {a.navLogin}
    </Link>
  );
}
