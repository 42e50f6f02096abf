// The app shell: header with language switch, and the list of plans from the API.
import { useEffect, useState } from 'react';
import { formatCount, messages, type Locale } from './messages.ts';

interface PlanItem {
  id: string;
  code: string;
  name: string;
  term: { firstYear: number; lastYear: number };
  counts: { indicators: number; targets: number; tasks: number; projects: number; breakthroughs: number };
}

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ok'; items: PlanItem[] };

export function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem('locale') === 'en' ? 'en' : 'vi'));
  const [plans, setPlans] = useState<Load>({ state: 'loading' });
  const t = messages[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('locale', locale);
  }, [locale]);

  useEffect(() => {
    fetch('/api/plans')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { items: PlanItem[] }) => setPlans({ state: 'ok', items: body.items }))
      .catch(() => setPlans({ state: 'error' }));
  }, []);

  return (
    <div className="shell">
      <header>
        <div>
          <strong>{t.appName}</strong> <span className="tagline">{t.tagline}</span>
        </div>
        <button type="button" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')} data-testid="language-switch">
          {t.language}
        </button>
      </header>
      <main>
        <h1>{t.plans}</h1>
        {plans.state === 'loading' && <p>{t.loading}</p>}
        {plans.state === 'error' && <p role="alert">{t.loadError}</p>}
        {plans.state === 'ok' && plans.items.length === 0 && <p>{t.empty}</p>}
        {plans.state === 'ok' && (
          <ul className="plans" data-testid="plans">
            {plans.items.map((p) => (
              <li key={p.id} data-plan={p.code}>
                <h2>{p.name}</h2>
                <p>
                  {t.term} {p.term.firstYear}–{p.term.lastYear} · {formatCount(p.counts.targets, locale)} {t.targets} ·{' '}
                  {formatCount(p.counts.tasks, locale)} {t.tasks} · {formatCount(p.counts.projects, locale)}{' '}
                  {t.projects} · {formatCount(p.counts.breakthroughs, locale)} {t.breakthroughs}
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
