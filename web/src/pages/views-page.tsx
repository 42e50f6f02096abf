// A leader's saved views: the targets, projects and tasks that matter, pinned and ordered, kept on the server (so
// they follow the leader to any browser) and shared by link (/views/<id>) with colleagues of the tenant.
import { Button, NativeSelect, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { usePlans } from '../data/queries.ts';
import { csrf, problemOf, type SessionInfo } from '../data/staff.ts';
import { useAdminT } from '../i18n/admin-messages.ts';
import { useLocale } from '../i18n/locale.tsx';
import { FormError, SignedIn, useKindWord } from './staff-parts.tsx';

type ItemKind = 'target' | 'task' | 'project';
interface Item {
  kind: ItemKind;
  id: string;
  label: string | null;
  plan: string | null;
}
interface View {
  id: string;
  name: string;
  owner: string;
  mine: boolean;
  version: number;
  items: Item[];
}

function itemHref(i: Item): string {
  if (i.kind === 'target') return i.plan ? `/plans/${i.plan}` : '/';
  return `/progress/${i.kind}/${i.id}`;
}

function ItemList({ items }: { items: Item[] }) {
  const a = useAdminT();
  const kindWord = useKindWord();
  return (
    <ol className="pinned" data-testid="pinned">
      {items.map((i) => (
        <li key={`${i.kind}:${i.id}`} data-id={i.id}>
          <span className="muted">{kindWord(i.kind)}</span> <a href={itemHref(i)}>{i.label ?? a.missingItem}</a>
        </li>
      ))}
    </ol>
  );
}

function Candidates({ onPick }: { onPick: (i: Item) => void }) {
  const a = useAdminT();
  const plans = usePlans();
  const [plan, setPlan] = useState('');
  const [kind, setKind] = useState<ItemKind>('target');
  const [choice, setChoice] = useState('');
  const code = plan || plans.data?.[0]?.code || '';
  const options = useQuery({
    queryKey: ['pick', kind, code],
    enabled: !!code,
    queryFn: async (): Promise<Item[]> => {
      const query = { params: { query: { plan: code, limit: 200 } } };
      if (kind === 'target') {
        const rows = unwrap(await api.GET('/api/targets', query)).items as {
          id: string;
          indicator?: { code: string; name: string };
          text?: string;
        }[];
        return rows.map((t) => ({
          kind,
          id: t.id,
          label: t.indicator ? `${t.indicator.code}. ${t.indicator.name}` : (t.text ?? t.id),
          plan: code,
        }));
      }
      const rows = (
        kind === 'task'
          ? unwrap(await api.GET('/api/tasks', query)).items
          : unwrap(await api.GET('/api/projects', query)).items
      ) as { id: string; code: string; title: string }[];
      return rows.map((r) => ({ kind, id: r.id, label: `${r.code}. ${r.title}`, plan: code }));
    },
  });
  return (
    <div className="inline-form" data-testid="pick">
      <NativeSelect
        label={useAdminT().plan}
        value={code}
        onChange={(e) => setPlan(e.currentTarget.value)}
        data={(plans.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
      />
      <NativeSelect
        label={a.itemKind}
        value={kind}
        onChange={(e) => {
          setKind(e.currentTarget.value as ItemKind);
          setChoice('');
        }}
        data={[
          { value: 'target', label: a.kindTarget },
          { value: 'project', label: a.kindProject },
          { value: 'task', label: a.kindTask },
        ]}
        data-testid="pick-kind"
      />
      <NativeSelect
        label={a.pickItem}
        value={choice}
        onChange={(e) => setChoice(e.currentTarget.value)}
        data={[
          { value: '', label: '—' },
          ...(options.data ?? []).map((o) => ({ value: o.id, label: o.label ?? o.id })),
        ]}
        data-testid="pick-item"
      />
      <Button
        color="#9b1c1c"
        size="xs"
        disabled={!choice}
        onClick={() => {
          const it = options.data?.find((o) => o.id === choice);
          if (it) onPick(it);
          setChoice('');
        }}
        data-testid="pick-add"
      >
        {a.addItem}
      </Button>
    </div>
  );
}

function Editor({ view, session, onSaved }: { view: View | null; session: SessionInfo; onSaved: () => void }) {
  const a = useAdminT();
  const { locale } = useLocale();
  const kindWord = useKindWord();
  const [name, setName] = useState(view?.name ?? '');
  const [items, setItems] = useState<Item[]>(view?.items ?? []);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const r = await api.POST('/api/saved-views', {
        body: {
          ...(view ? { id: view.id, version: view.version } : {}),
          name,
          items: items.map((i) => ({ kind: i.kind, id: i.id })),
        },
        headers: csrf(session),
      });
      if (!r.response.ok) throw r.error;
    },
    onSuccess: () => {
      setError(null);
      if (!view) {
        setName('');
        setItems([]);
      }
      onSaved();
    },
    onError: (e) => setError(problemOf(e, locale)),
  });
  const move = (n: number, d: -1 | 1) => {
    const next = [...items];
    const [x] = next.splice(n, 1);
    if (x) next.splice(n + d, 0, x);
    setItems(next);
  };
  return (
    <form
      className="staff-form"
      data-testid={view ? 'view-editor' : 'view-form'}
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate();
      }}
    >
      {!view && <h2>{a.newView}</h2>}
      <TextInput
        label={a.viewName}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={error?.fields.name}
        data-testid="view-name"
      />
      <Candidates onPick={(i) => !items.some((x) => x.id === i.id) && setItems([...items, i])} />
      <ol className="pinned" data-testid="draft-items">
        {items.map((i, n) => (
          <li key={`${i.kind}:${i.id}`}>
            <span className="muted">{kindWord(i.kind)}</span> {i.label ?? a.missingItem}{' '}
            <Button
              color="#9b1c1c"
              size="compact-xs"
              variant="subtle"
              disabled={n === 0}
              onClick={() => move(n, -1)}
              aria-label={`${a.moveUp}: ${i.label ?? ''}`}
              data-testid="move-up"
            >
              ↑
            </Button>
            <Button
              color="#9b1c1c"
              size="compact-xs"
              variant="subtle"
              disabled={n === items.length - 1}
              onClick={() => move(n, 1)}
              aria-label={`${a.moveDown}: ${i.label ?? ''}`}
            >
              ↓
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => setItems(items.filter((_, k) => k !== n))}
              aria-label={`${a.remove}: ${i.label ?? ''}`}
            >
              ✕
            </Button>
          </li>
        ))}
      </ol>
      <Button color="#9b1c1c" type="submit" loading={save.isPending} data-testid="view-save">
        {a.saveView}
      </Button>
      <FormError message={error?.message ?? null} />
    </form>
  );
}

export function ViewsPage() {
  const a = useAdminT();
  const qc = useQueryClient();
  return (
    <SignedIn>
      {(session) => (
        <ViewsBody
          session={session}
          onSaved={() => void qc.invalidateQueries({ queryKey: ['views'] })}
          title={a.viewsTitle}
        />
      )}
    </SignedIn>
  );
}

function ViewsBody({ session, onSaved, title }: { session: SessionInfo; onSaved: () => void; title: string }) {
  const a = useAdminT();
  const views = useQuery({
    queryKey: ['views'],
    queryFn: async () => unwrap(await api.GET('/api/saved-views')).items as View[],
  });
  return (
    <section data-testid="views">
      <h1>{title}</h1>
      {views.data?.length === 0 && <p className="muted">{a.noViews}</p>}
      {(views.data ?? []).map((v) => (
        <article key={v.id} className="saved-view" data-testid="saved-view" data-name={v.name}>
          <h2>
            <a href={`/views/${v.id}`} data-testid="share-link">
              {v.name}
            </a>
          </h2>
          <ItemList items={v.items} />
        </article>
      ))}
      <Editor view={null} session={session} onSaved={onSaved} />
    </section>
  );
}

export function SharedViewPage() {
  const a = useAdminT();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const view = useQuery({
    queryKey: ['view', id],
    queryFn: async () => unwrap(await api.GET('/api/saved-views/{id}', { params: { path: { id } } })) as View,
  });
  return (
    <SignedIn>
      {(session) =>
        view.data ? (
          <section data-testid="shared-view">
            <h1>{view.data.name}</h1>
            <p className="muted">
              {a.owner}: {view.data.owner}
            </p>
            <ItemList items={view.data.items} />
            {view.data.mine && (
              <Editor
                key={view.data.version}
                view={view.data}
                session={session}
                onSaved={() => void qc.invalidateQueries({ queryKey: ['view', id] })}
              />
            )}
          </section>
        ) : null
      }
    </SignedIn>
  );
}
