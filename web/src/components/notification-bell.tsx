// The bell in the header: the signed-in reader's unread notifications (returned figures and reports, requests for
// explanation, approvals due), each a link to its item; opening one marks it read. Hidden when nobody is signed in.
import { Button, Popover } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, unwrap } from '../api/client.ts';
import { csrf, useSession } from '../data/staff.ts';
import { useAdminT } from '../i18n/admin-messages.ts';
import { useLocale } from '../i18n/locale.tsx';

/** A bell drawn inline: the emoji needs a colour-emoji font, which many machines (Debian's Chromium among them)
 * lack, and then shows as a missing-glyph box. */
function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

export function NotificationBell() {
  const a = useAdminT();
  const { date } = useLocale();
  const session = useSession();
  const qc = useQueryClient();
  const signedIn = !!session.data;
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: async () => unwrap(await api.GET('/api/notifications', { params: { query: { limit: 20 } } })),
    enabled: signedIn,
    refetchInterval: 60_000,
  });
  const mark = useMutation({
    mutationFn: async (body: { ids?: string[]; all?: boolean }) =>
      unwrap(await api.POST('/api/notifications/read', { body, headers: csrf(session.data) })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  if (!signedIn || !list.data) return null;
  const unread = list.data.unread;
  return (
    // Focus moves into the list when it opens (so Escape closes it) and back to the bell when it closes.
    <Popover width={340} position="bottom-end" shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button
          variant="subtle"
          color="#ffffff"
          size="compact-md"
          data-testid="bell"
          aria-label={a.bellUnread(unread)}
          className="bell"
        >
          <BellIcon />
          {unread > 0 && (
            <span className="bell-count" data-testid="bell-count" aria-hidden="true">
              {unread}
            </span>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <section aria-label={a.bell} data-testid="bell-list">
          {list.data.items.length === 0 ? (
            <p className="muted">{a.bellEmpty}</p>
          ) : (
            <ul className="bell-items">
              {list.data.items.map((n) => (
                <li key={n.id} data-kind={n.kind} className={n.readAt ? 'read' : 'unread'}>
                  <a href={n.link} onClick={() => !n.readAt && mark.mutate({ ids: [n.id] })}>
                    {n.subject}
                  </a>
                  <span className="muted"> · {date(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          {unread > 0 && (
            <Button
              color="#9b1c1c"
              size="xs"
              variant="light"
              onClick={() => mark.mutate({ all: true })}
              data-testid="mark-all-read"
            >
              {a.markAllRead}
            </Button>
          )}
        </section>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The staff pages' links, shown to a signed-in reader. */
export function StaffNav() {
  const a = useAdminT();
  const session = useSession();
  if (!session.data) return null;
  return (
    <>
      <Link to="/requests">{a.navRequests}</Link>
      <Link to="/views">{a.navViews}</Link>
      {session.data.user.roles.some((r) => r === 'admin' || r === 'inspector') && <Link to="/admin">{a.navAdmin}</Link>}
    </>
  );
}
