// Header pieces without a component library, shared by the staff app and the public portal.
import { useLocale } from '../i18n/locale.tsx';

export function LanguageSwitch() {
  const { t, locale, setLocale } = useLocale();
  return (
    <button
      type="button"
      className="language-switch"
      data-testid="language-switch"
      lang={locale === 'vi' ? 'en' : 'vi'}
      aria-label={t.languageLabel}
      onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
    >
      {t.language}
    </button>
  );
}

export function SkipLink() {
  const { t } = useLocale();
  return (
    <a className="skip-link" href="#main">
      {t.skipToContent}
    </a>
  );
}
