// A plan owner's dialog to split the city target into per-commune targets: every commune of the city with an input
// for its share, the running sum against the city target (for an amount that adds up), and a reason. The server
// checks the split against the indicator's aggregation method and names each commune at fault; those reasons are
// shown under the inputs.
import { Alert, Button, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CommuneTable } from '../../../src/services/consolidation/commune-table.ts';
import { api } from '../api/client.ts';
import type { Problem } from '../data/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import { useSplitText } from '../i18n/split-messages.ts';

/** The sum of decimal texts, exact at their own decimals (a display aid: the server's check decides). */
function sumOf(values: string[]): { text: string; ok: boolean } {
  const clean = values.map((v) => v.trim().replace(',', '.')).filter((v) => v !== '');
  if (clean.some((v) => !/^-?\d+(\.\d+)?$/.test(v))) return { text: '—', ok: false };
  const scale = Math.max(0, ...clean.map((v) => v.split('.')[1]?.length ?? 0));
  const total = clean.reduce((acc, v) => {
    const [i = '0', f = ''] = v.replace('-', '').split('.');
    const n = BigInt(i + f.padEnd(scale, '0'));
    return acc + (v.startsWith('-') ? -n : n);
  }, 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return { text: `${negative ? '-' : ''}${text}`, ok: true };
}

export function TargetSplitter({ plan, indicator }: { plan: string; indicator: string }) {
  const s = useSplitText();
  const { locale, num } = useLocale();
  const qc = useQueryClient();
  // Every commune of the city, whatever the page's filters (the split needs one share per commune).
  const all = useQuery({
    queryKey: ['communes', plan, indicator, {}],
    queryFn: async () => {
      const url = `/api/plans/${encodeURIComponent(plan)}/indicators/${encodeURIComponent(indicator)}/communes`;
      const r = await fetch(url, { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return (await r.json()) as CommuneTable;
    },
  });
  const city = all.data?.cityTarget ?? null;
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  if (!city || !all.data || all.data.rows.length === 0) return null;
  const communes = all.data.rows;

  const start = () => {
    setValues(Object.fromEntries(communes.map((c) => [c.code, c.target?.value ?? ''])));
    setReason('');
    setErrors([]);
    setReasonError(null);
    setProblem(null);
    setSaved(null);
    setOpen(true);
  };

  const sum = sumOf(communes.map((c) => values[c.code] ?? ''));
  const matches = sum.ok && city.value !== null && Number(sum.text) === Number(city.value);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setReasonError(s.reasonRequired);
      return;
    }
    setReasonError(null);
    setBusy(true);
    setProblem(null);
    try {
      const r = await api.POST('/api/plans/{code}/targets/{id}/split', {
        params: { path: { code: plan, id: city.id } },
        body: {
          shares: communes.map((c) => ({ unit: c.code, value: (values[c.code] ?? '').trim().replace(',', '.') })),
          reason: reason.trim(),
        },
      });
      if (!r.data) {
        const p = { ...((r.error as Problem | undefined) ?? {}), status: r.response.status };
        setProblem(p);
        setErrors((p.errors ?? []).map((i) => i.reason[locale]));
        return;
      }
      await qc.invalidateQueries({
        predicate: (q) => ['communes', 'evaluations'].includes(String(q.queryKey[0])) && q.queryKey[1] === plan,
      });
      setOpen(false);
      setSaved(r.data.targets.length);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="outline-editor">
      <Button type="button" size="compact-sm" variant="default" onClick={start} data-testid="split-open">
        {s.open}
      </Button>
      {saved !== null && (
        <span role="status" className="muted" data-testid="split-saved">
          {' '}
          {s.saved(saved)}
        </span>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={s.title}
        size="lg"
        closeButtonProps={{ 'aria-label': s.cancel }}
      >
        <form onSubmit={(ev) => void submit(ev)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{s.intro(city.text)}</Text>
            {city.rule === 'sum' ? (
              <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="split-sum">
                {s.sum(sum.ok ? num(sum.text) : '—', city.value === null ? '—' : num(city.value))} ·{' '}
                {matches ? s.sumMatches : s.sumDiffers}
              </Text>
            ) : (
              <Text size="sm">{s.rateNote}</Text>
            )}
            <div className="split-shares" data-testid="split-shares">
              {communes.map((c) => (
                <TextInput
                  key={c.code}
                  label={`${c.name} (${c.code})`}
                  aria-label={s.share(`${c.name} (${c.code})`)}
                  inputMode="decimal"
                  size="xs"
                  value={values[c.code] ?? ''}
                  onChange={(ev) => {
                    const v = ev.currentTarget.value;
                    setValues((x) => ({ ...x, [c.code]: v }));
                  }}
                  data-code={c.code}
                />
              ))}
            </div>
            <Textarea
              label={s.reason}
              value={reason}
              onChange={(ev) => setReason(ev.currentTarget.value)}
              error={reasonError}
              autosize
              minRows={2}
              required
              data-testid="split-reason"
            />
            {problem && (
              <Alert color="red" role="alert" data-testid="split-problem">
                {problem.messages?.[locale] ?? `HTTP ${problem.status ?? ''}`}
                {errors.length > 0 && (
                  <ul>
                    {errors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                )}
              </Alert>
            )}
            <Stack align="flex-end">
              <Button type="submit" color="dark" loading={busy} data-testid="split-save">
                {s.save}
              </Button>
            </Stack>
          </Stack>
        </form>
      </Modal>
    </span>
  );
}
