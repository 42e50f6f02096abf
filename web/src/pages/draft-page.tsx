// Draft a plan from a resolution: upload the document (or paste it), review each target the reader found (its
// statement in place, the kind, the figure as written, the confidence and the doubts), accept, edit or reject it, and
// save the accepted items as a new plan. The page only displays: reading the document, checking the plan and saving
// it are the API's (POST /api/drafts, POST /api/drafts/accept). The review survives a reload (sessionStorage).
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import type { Draft, DraftItem } from '../../../src/core/drafting/types.ts';
import { api } from '../api/client.ts';
import { useDraftMessages } from '../i18n/draft-messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { kindNames } from '../i18n/messages.ts';
import type { RowKind } from '../vocabulary.ts';

type Loaded = Draft & { text?: string };
interface Decision {
  accept: boolean;
  reading: number;
  code: string;
  name: string;
  unit: string;
  parent: string;
  spec: string;
}
interface PlanForm {
  code: string;
  name: string;
  firstYear: string;
  lastYear: string;
  title: string;
}
interface Review {
  draft: Loaded;
  decisions: Record<string, Decision>;
  plan: PlanForm;
}
interface Problem {
  detail?: string;
  errors?: { path: string; reason: { vi: string; en: string } }[];
}

const STORE = 'chitieu.draft-review';

function initialReview(draft: Loaded, title: string): Review {
  const decisions: Record<string, Decision> = {};
  const codeOf = new Map(draft.items.map((item, i) => [item.id, String(i + 1)]));
  draft.items.forEach((item, i) => {
    const reading = item.readings[0];
    decisions[item.id] = {
      accept: true,
      reading: 0,
      code: String(i + 1),
      name: item.indicator.name,
      unit: reading?.unit ?? item.indicator.unit ?? '',
      parent: item.indicator.parent ? (codeOf.get(item.indicator.parent) ?? '') : '',
      spec: JSON.stringify(reading?.spec ?? {}, null, 2),
    };
  });
  return {
    draft,
    decisions,
    plan: {
      code: '',
      name: '',
      firstYear: String(draft.term?.firstYear ?? ''),
      lastYear: String(draft.term?.lastYear ?? ''),
      title,
    },
  };
}

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

const yearsOf = (item: DraftItem, reading: number): string => {
  const spec = item.readings[reading]?.spec as {
    year?: number;
    dueYear?: number;
    term: { firstYear: number; lastYear: number };
  };
  const year = spec.year ?? spec.dueYear;
  return year !== undefined ? String(year) : `${spec.term.firstYear}–${spec.term.lastYear}`;
};

export function DraftPage() {
  const m = useDraftMessages();
  const { locale, num } = useLocale();
  const navigate = useNavigate();
  const [review, setReview] = useState<Review | null>(() => {
    try {
      const kept = sessionStorage.getItem(STORE);
      return kept ? (JSON.parse(kept) as Review) : null;
    } catch {
      return null;
    }
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pasted, setPasted] = useState('');
  const [term, setTerm] = useState('');

  useEffect(() => {
    if (review) sessionStorage.setItem(STORE, JSON.stringify(review));
    else sessionStorage.removeItem(STORE);
  }, [review]);

  // openapi-fetch has read the body already: the problem+json comes as `error`.
  const fail = (response: Response, error: unknown) => {
    if (response.status === 401 || response.status === 403) setProblem({ detail: m.needLogin });
    else setProblem((error ?? { detail: `HTTP ${response.status}` }) as Problem);
  };

  const read = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const form = e.currentTarget;
    const file = (form.elements.namedItem('document') as HTMLInputElement).files?.[0];
    setBusy(true);
    setProblem(null);
    try {
      const body = {
        ...(file ? { file: { name: file.name, contentBase64: await toBase64(file) } } : { text: pasted }),
        ...(term.trim() ? { term: term.trim() } : {}),
      };
      // The session's CSRF header is added by the client (data/session.tsx).
      const r = await api.POST('/api/drafts', { body });
      if (!r.response.ok) return fail(r.response, r.error);
      setReview(initialReview(r.data as unknown as Loaded, file?.name ?? ''));
    } finally {
      setBusy(false);
    }
  };

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!review || busy) return;
    const items = [];
    for (const item of review.draft.items) {
      const d = review.decisions[item.id];
      if (!d?.accept) continue;
      let spec: { kind: string };
      try {
        spec = JSON.parse(d.spec) as { kind: string };
      } catch {
        setProblem({ detail: `${m.item(d.code)}: ${m.badSpec}` });
        return;
      }
      items.push({
        code: d.code,
        parent: d.parent.trim() === '' ? null : d.parent.trim(),
        name: d.name,
        unit: d.unit,
        quote: item.span.quote,
        line: item.span.line,
        lineEnd: item.span.lineEnd,
        spec,
      });
    }
    setBusy(true);
    setProblem(null);
    try {
      const p = review.plan;
      const r = await api.POST('/api/drafts/accept', {
        body: {
          plan: {
            code: p.code,
            name: p.name,
            term: { firstYear: Number(p.firstYear), lastYear: Number(p.lastYear) },
            document: { kind: 'congress_resolution', title: p.title || p.name },
          },
          items,
        },
      });
      if (!r.response.ok) return fail(r.response, r.error);
      setReview(null);
      void navigate({ to: '/plans/$plan', params: { plan: p.code } });
    } finally {
      setBusy(false);
    }
  };

  const setDecision = (id: string, change: Partial<Decision>) =>
    setReview((r) => {
      const d = r?.decisions[id];
      return r && d ? { ...r, decisions: { ...r.decisions, [id]: { ...d, ...change } } } : r;
    });
  const setPlan = (change: Partial<PlanForm>) => setReview((r) => (r ? { ...r, plan: { ...r.plan, ...change } } : r));

  const problemBox = problem && (
    <div role="alert" className="error problem" data-testid="draft-problem">
      <p>
        {review && problem.errors ? `${m.saveFailed} ` : ''}
        {problem.detail}
      </p>
      {problem.errors && (
        <ul>
          {problem.errors.map((x) => (
            <li key={`${x.path}-${x.reason.en}`}>
              <code>{x.path}</code> {x.reason[locale]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  if (!review) {
    return (
      <>
        <h1>{m.title}</h1>
        <p className="muted">{m.intro}</p>
        <form className="draft-upload" onSubmit={(e) => void read(e)}>
          <label>
            <span>{m.file}</span>
            <input type="file" name="document" accept=".txt,.docx,.pdf,text/plain,application/pdf" />
          </label>
          <label>
            <span>{m.orPaste}</span>
            <textarea rows={6} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} />
          </label>
          <label>
            <span>{m.term}</span>
            <input value={term} onChange={(e) => setTerm(e.currentTarget.value)} inputMode="numeric" />
          </label>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? m.reading : m.read}
            </button>
          </div>
        </form>
        {problemBox}
      </>
    );
  }

  const { draft, decisions, plan } = review;
  const accepted = draft.items.filter((i) => decisions[i.id]?.accept).length;
  return (
    <>
      <h1>{m.title}</h1>
      <p data-testid="draft-summary">{draft.summary[locale]}</p>
      <div className="actions">
        <button type="button" className="link-button" onClick={() => setReview(null)}>
          {m.restart}
        </button>
      </div>
      <h2>{m.items}</h2>
      <ol className="draft-items" data-testid="draft-items">
        {draft.items.map((item, index) => {
          const d = decisions[item.id];
          if (!d) return null;
          const reading = item.readings[d.reading];
          const kind = reading?.kind as RowKind | undefined;
          const id = `draft-${item.id}`;
          return (
            <li key={item.id} className={d.accept ? 'draft-item' : 'draft-item rejected'} data-testid="draft-item">
              <fieldset aria-labelledby={`${id}-title`}>
                <h3 id={`${id}-title`}>
                  {m.item(String(index + 1))} · {m.line(String(item.span.line), String(item.span.lineEnd))}
                </h3>
                <blockquote lang="vi">{item.span.quote}</blockquote>
                <dl className="kv">
                  <dt>{m.kind}</dt>
                  <dd>{kind ? kindNames[locale][kind] : '—'}</dd>
                  <dt>{m.figure}</dt>
                  <dd lang="vi">{item.figure.quote}</dd>
                  <dt>{m.year}</dt>
                  <dd>{yearsOf(item, d.reading)}</dd>
                  <dt>{m.confidence}</dt>
                  <dd>{num(String(Math.round(item.confidence * 100)))} %</dd>
                </dl>
                {item.doubts.length > 0 && (
                  <div className="doubts">
                    <strong>{m.doubts}:</strong>
                    <ul>
                      {item.doubts.map((x) => (
                        <li key={x.en}>{x[locale]}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {item.readings.length > 1 && (
                  <div role="radiogroup" aria-label={m.readings} className="readings">
                    {item.readings.map((r, i) => (
                      <label key={`${r.kind}-${i}`}>
                        <input
                          type="radio"
                          name={`${id}-reading`}
                          checked={d.reading === i}
                          onChange={() => setDecision(item.id, { reading: i, spec: JSON.stringify(r.spec, null, 2) })}
                        />
                        {m.reading1(String(i + 1))}: {kindNames[locale][r.kind as RowKind]}
                      </label>
                    ))}
                  </div>
                )}
                <div role="radiogroup" aria-label={m.decision} className="decision">
                  <label>
                    <input
                      type="radio"
                      name={`${id}-decision`}
                      checked={d.accept}
                      onChange={() => setDecision(item.id, { accept: true })}
                    />
                    {m.accept}
                  </label>
                  <label>
                    <input
                      type="radio"
                      name={`${id}-decision`}
                      checked={!d.accept}
                      onChange={() => setDecision(item.id, { accept: false })}
                    />
                    {m.reject}
                  </label>
                </div>
                {d.accept && (
                  <div className="draft-fields">
                    <label>
                      <span>{m.code}</span>
                      <input value={d.code} onChange={(e) => setDecision(item.id, { code: e.currentTarget.value })} />
                    </label>
                    <label>
                      <span>{m.name}</span>
                      <input value={d.name} onChange={(e) => setDecision(item.id, { name: e.currentTarget.value })} />
                    </label>
                    <label>
                      <span>{m.unit}</span>
                      <input value={d.unit} onChange={(e) => setDecision(item.id, { unit: e.currentTarget.value })} />
                    </label>
                    <label>
                      <span>{m.parent}</span>
                      <input
                        value={d.parent}
                        onChange={(e) => setDecision(item.id, { parent: e.currentTarget.value })}
                      />
                    </label>
                    <label className="wide">
                      <span>{m.spec}</span>
                      <textarea
                        rows={6}
                        spellCheck={false}
                        value={d.spec}
                        onChange={(e) => setDecision(item.id, { spec: e.currentTarget.value })}
                      />
                    </label>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <h2>{m.notUnderstood}</h2>
      {draft.notUnderstood.length === 0 ? (
        <p className="muted">{m.noneNotUnderstood}</p>
      ) : (
        <ul data-testid="not-understood">
          {draft.notUnderstood.map((x) => (
            <li key={`${x.span.start}`}>
              {m.line(String(x.span.line), String(x.span.lineEnd))}: <q lang="vi">{x.span.quote}</q> —{' '}
              {x.reason[locale]}
            </li>
          ))}
        </ul>
      )}
      <h2>{m.plan}</h2>
      <form className="draft-plan" onSubmit={(e) => void save(e)}>
        <p>{m.accepted(num(String(accepted)), num(String(draft.items.length)))}</p>
        <label>
          <span>{m.planCode}</span>
          <input
            required
            pattern="[a-z0-9][a-z0-9\-]{1,62}"
            value={plan.code}
            onChange={(e) => setPlan({ code: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{m.planName}</span>
          <input required value={plan.name} onChange={(e) => setPlan({ name: e.currentTarget.value })} />
        </label>
        <label>
          <span>{m.firstYear}</span>
          <input
            required
            inputMode="numeric"
            value={plan.firstYear}
            onChange={(e) => setPlan({ firstYear: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{m.lastYear}</span>
          <input
            required
            inputMode="numeric"
            value={plan.lastYear}
            onChange={(e) => setPlan({ lastYear: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{m.documentTitle}</span>
          <input value={plan.title} onChange={(e) => setPlan({ title: e.currentTarget.value })} />
        </label>
        <div className="actions">
          <button type="submit" disabled={busy || accepted === 0}>
            {busy ? m.saving : m.save}
          </button>
        </div>
      </form>
      {problemBox}
    </>
  );
}
