// What a page shows while its data loads or when it cannot: announced to screen readers, never a blank page.
import { ApiError } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';

export function Loading() {
  const { t } = useLocale();
  return (
    <p role="status" className="muted">
      {t.loading}
    </p>
  );
}

export function LoadError({ error }: { error?: unknown }) {
  const { t } = useLocale();
  return (
    <p role="alert" className="error">
      {error instanceof ApiError && error.status === 404 ? t.notFound : t.loadError}
    </p>
  );
}
