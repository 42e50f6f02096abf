// The staff navigation's account part: the data-entry and approval pages for those whose roles allow them, and
// the account (or the login) link. Kept apart from app-layout.tsx so the layout changes by a line.
import { Link } from '@tanstack/react-router';
import { may, useSession } from '../data/session.tsx';
import { useAccountT } from '../i18n/account-messages.ts';

export function AccountNav({ plan }: { plan: string | undefined }) {
  const { a } = useAccountT();
  const { user } = useSession();
  return (
    <>
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
      {user ? (
        <Link to="/account" data-testid="nav-account">
          {a.navAccount}
        </Link>
      ) : (
        <Link to="/login" data-testid="nav-login">
          {a.navLogin}
        </Link>
      )}
    </>
  );
}
