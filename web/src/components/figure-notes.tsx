// Notes and derivations beside the figures they qualify: a target's notes from its document and how each of its
// fields not written as digits was read (its `derived` reasons), and a figure's own notes, each with its place in
// the document it comes from. They are kept by the dataset import; this shows them.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';

export interface Note {
  kind: string;
  text: string;
  source: Record<string, unknown> | null;
}

interface TargetNotesView {
  id: string;
  derived: Record<string, string>;
  notes: Note[];
}

/** "trang 4" / "dòng 2808" / a paragraph: where a note is written, when its citation says. */
export function NotePlace({ source }: { source: Record<string, unknown> | null }) {
  const e = useTargetEditText();
  if (!source) return null;
  const place =
    typeof source.page === 'number'
      ? e.pageN(String(source.page))
      : typeof source.line === 'number'
        ? e.lineN(String(source.line))
        : typeof source.paragraph === 'string'
          ? source.paragraph
          : null;
  return place ? <span className="muted"> ({place})</span> : null;
}

export function FigureNotes({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return <>—</>;
  return (
    <ul className="notes">
      {notes.map((n, i) => (
        <li key={i}>
          {n.text}
          <NotePlace source={n.source} />
        </li>
      ))}
    </ul>
  );
}

/** The shown target's derivations and notes; nothing when it has none. */
export function TargetNotes({ plan, indicatorId, targetId }: { plan: string; indicatorId: string; targetId: string }) {
  const e = useTargetEditText();
  const targets = useQuery({
    queryKey: ['targets', plan, indicatorId],
    queryFn: async () =>
      unwrap(await api.GET('/api/targets', { params: { query: { plan, indicatorId, limit: 200 } } }))
        .items as unknown as TargetNotesView[],
    staleTime: 60_000,
  });
  const t = targets.data?.find((x) => x.id === targetId);
  const derived = Object.entries(t?.derived ?? {});
  if (!t || (derived.length === 0 && t.notes.length === 0)) return null;
  return (
    <section aria-labelledby="i-target-notes" className="target-notes" data-testid="target-notes">
      <h2 id="i-target-notes">{e.notesTitle}</h2>
      <ul className="notes">
        {derived.map(([field, why]) => (
          <li key={field}>
            <strong>{e.derivedLabel(field)}:</strong> {why}
          </li>
        ))}
        {t.notes.map((n, i) => (
          <li key={`n${i}`}>
            {n.text}
            <NotePlace source={n.source} />
          </li>
        ))}
      </ul>
    </section>
  );
}
