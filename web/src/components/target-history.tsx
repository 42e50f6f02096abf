// Every target an indicator has had (draft, in force, superseded), oldest first, each with the document and place it
// rests on, and, when a later document replaced it, that document and the day.
import type { TargetStage } from '../../../src/core/vocabulary.ts';
import type { TargetHistoryItem } from '../data/target-edits.ts';
import { useLocale } from '../i18n/locale.tsx';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';

interface Doc {
  title?: string | null;
  number?: string | null;
  date?: string | null;
  url?: string | null;
}

function DocumentName({ doc }: { doc: Doc | null }) {
  const e = useTargetEditText();
  const { date } = useLocale();
  if (!doc?.title) return <span className="muted">{e.noDocument}</span>;
  const label = [doc.number, doc.title].filter(Boolean).join(' · ');
  return (
    <>
      {doc.url ? <a href={doc.url}>{label}</a> : <span>{label}</span>}
      {doc.date ? <span className="muted"> ({date(doc.date)})</span> : null}
    </>
  );
}

function place(citation: Record<string, unknown> | null, e: ReturnType<typeof useTargetEditText>): string | null {
  if (!citation) return null;
  const bits: string[] = [];
  if (typeof citation.page === 'number') bits.push(e.pageN(String(citation.page)));
  if (typeof citation.line === 'number') bits.push(e.lineN(String(citation.line)));
  if (typeof citation.paragraph === 'string') bits.push(citation.paragraph);
  return bits.length ? bits.join(', ') : null;
}

export function TargetHistory({ items }: { items: TargetHistoryItem[] }) {
  const e = useTargetEditText();
  const { date } = useLocale();
  return (
    <section aria-labelledby="i-target-history">
      <h2 id="i-target-history">{e.historyTitle}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table className="data" data-testid="target-history">
          <caption className="sr-only">{e.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{e.colStage}</th>
              <th scope="col">{e.colTarget}</th>
              <th scope="col">{e.colDocument}</th>
              <th scope="col">{e.colRevised}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => {
              const where = place(t.citation, e);
              const quote = typeof t.citation?.quote === 'string' ? t.citation.quote : null;
              return (
                <tr key={t.id} data-stage={t.stage} data-history-target={t.id}>
                  <th scope="row">{e.stage[t.stage as TargetStage] ?? t.stage}</th>
                  <td>
                    {t.text}
                    {quote && quote !== t.text && <q className="muted"> {quote}</q>}
                  </td>
                  <td>
                    <DocumentName doc={t.document as Doc | null} />
                    {where && <span className="muted"> · {where}</span>}
                  </td>
                  <td>
                    {t.revisedBy ? (
                      <>
                        <DocumentName doc={t.revisedBy as Doc} />
                        {t.supersededOn && <span> · {e.fromDate(date(t.supersededOn))}</span>}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
