// The public portal's frame: no login, no staff controls, no component library, so a phone on 360 px loads little.
import { Link, Outlet } from '@tanstack/react-router';
import { useLocale } from '../i18n/locale.tsx';
import { LanguageSwitch, SkipLink } from './portal-parts.tsx';

export function PortalLayout() {
  const { t } = useLocale();
  return (
    <>
      <SkipLink />
      <header className="app-header portal">
        <div className="app-header-row">
          <Link to="/portal" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            <span>
              <strong>{t.portalTitle}</strong>
              <span className="tagline">{t.tagline}</span>
            </span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <p className="portal-note">{t.portalNote}</p>
        <Outlet />
      </main>
    </>
  );
}
