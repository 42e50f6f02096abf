// The chosen language (Vietnamese unless the reader switched, remembered in localStorage) and the formatters every
// page uses: numbers and dates come from src/core/format, the one formatter shared with the reports.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDateShort } from '../../../src/core/format/date.ts';
import { formatNumber } from '../../../src/core/format/number.ts';
import { messages, type Locale, type Messages } from './messages.ts';

const STORAGE_KEY = 'locale';

interface LocaleValue {
  locale: Locale;
  t: Messages;
  setLocale: (l: Locale) => void;
  /** A canonical decimal string or count in the reader's notation ("1.200.000,5" in Vietnamese). */
  num: (value: string | number) => string;
  /** An ISO calendar date as "24/11/2026"; the instant part of a timestamp is dropped. */
  date: (iso: string) => string;
}

const LocaleContext = createContext<LocaleValue | null>(null);

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // A browser that refuses storage still switches for this visit.
    }
  }, [locale]);
  const value = useMemo<LocaleValue>(
    () => ({
      locale,
      t: messages[locale],
      setLocale,
      num: (v) => formatNumber(v, { locale }),
      date: (iso) => formatDateShort(iso.slice(0, 10), locale),
    }),
    [locale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const v = useContext(LocaleContext);
  if (!v) throw new Error('useLocale outside LocaleProvider');
  return v;
}
