// The staff app's frame: a header with the plan switcher and the language switch, the plan's navigation, and the
// page. Mantine provides the controls; the pages below it are plain semantic HTML shared with the public portal.
import '@mantine/core/styles.css';
import { MantineProvider, NativeSelect, createTheme } from '@mantine/core';
import { Link, Outlet, useNavigate, useParams } from '@tanstack/react-router';
import { ReloginDialog } from '../components/login-form.tsx';
import { usePlans } from '../data/queries.ts';
import { useDraftMessages } from '../i18n/draft-messages.ts';
import { SessionProvider } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { AccountLink, WorkNav } from './account-nav.tsx';
import { LanguageSwitch, SkipLink } from './portal-parts.tsx';
import { PlanNavLinks } from './plan-nav-links.tsx';
import { NotificationBell } from '../components/notification-bell.tsx';

const theme = createTheme({
  primaryColor: 'red',
  fontFamily: "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif",
  defaultRadius: 'sm',
});

function PlanSwitcher({ current }: { current: string | undefined }) {
  const { t } = useLocale();
  const plans = usePlans();
  const navigate = useNavigate();
  if (!plans.data) return null;
  return (
    <NativeSelect
      aria-label={t.planSwitcher}
      data-testid="plan-switcher"
      className="plan-switcher"
      value={current ?? ''}
      onChange={(e) => {
        const plan = e.currentTarget.value;
        if (plan) void navigate({ to: '/plans/$plan', params: { plan } });
      }}
      data={[
        ...(current ? [] : [{ value: '', label: t.planSwitcher }]),
        ...plans.data.map((p) => ({ value: p.code, label: `${p.term.firstYear}–${p.term.lastYear} · ${p.name}` })),
      ]}
    />
  );
}

export function AppLayout() {
  const { t } = useLocale();
  const drafting = useDraftMessages();
  const { plan } = useParams({ strict: false });
  return (
    <MantineProvider theme={theme}>
      <SessionProvider>
        <SkipLink />
        <header className="app-header">
          {/* Plain flex boxes, not Mantine's Group: its own flex-wrap would win over the narrow-screen rules. */}
          <div className="app-header-row">
            <Link to="/" className="brand">
              <span className="brand-mark" aria-hidden="true">
                ★
              </span>
              <span>
                <strong>{t.appName}</strong>
                <span className="tagline">{t.tagline}</span>
              </span>
            </Link>
            <div className="header-tools">
              <PlanSwitcher current={plan} />
              <NotificationBell />
              <AccountLink />
              <LanguageSwitch />
            </div>
          </div>
          <WorkNav plan={plan} />
          <nav aria-label={t.nav} className="app-nav">
            <Link to="/" activeOptions={{ exact: true }}>
              {t.navHome}
            </Link>
            {plan && (
              <>
                <Link to="/plans/$plan" params={{ plan }} activeOptions={{ exact: true, includeSearch: false }}>
                  {t.navOverview}
                </Link>
                <PlanNavLinks plan={plan} />
                <Link to="/plans/$plan/changes" params={{ plan }}>
                  {t.navChanges}
                </Link>
              </>
            )}
            <Link to="/drafts">{drafting.nav}</Link>
            <Link to="/portal">{t.navPortal}</Link>
          </nav>
        </header>
        <main id="main" tabIndex={-1} className="page">
          <Outlet />
        </main>
        <ReloginDialog />
      </SessionProvider>
    </MantineProvider>
  );
}
