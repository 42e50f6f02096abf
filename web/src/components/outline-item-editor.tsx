// A plan owner's dialog to edit an outline item's own wording and dates (a task's title and deadline, an indicator's
// name and definition, a project's title and period, a breakthrough's title and text), with a reason; the version it
// was opened on is sent (If-Match), so a change made meanwhile by someone else is refused rather than overwritten. The
// audit log keeps each edit's before and after.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';
import { ItemDialog, missingRequired, sent, TextFields, type TextField } from './item-dialog.tsx';

export interface OutlineField extends TextField {
  value: string | null;
}

/** An outline item, or the plan itself (its name and description; its code is the plan's). */
export type OutlineKind = 'task' | 'indicator' | 'project' | 'breakthrough' | 'plan';

const OUTLINE_QUERIES = ['tasks', 'indicators', 'evaluations', 'projects', 'breakthroughs', 'plan'];

/** Every list an outline item of the plan shows in (and the plans' counts), read again after a change to one. */
export const readOutlineAgain = (qc: QueryClient, plan: string) =>
  qc.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === 'plans' || (OUTLINE_QUERIES.includes(String(q.queryKey[0])) && q.queryKey[1] === plan),
  });

export function OutlineItemEditor({
  plan,
  kind,
  code,
  fields,
  version,
  buttonLabel,
  title,
}: {
  plan: string;
  kind: OutlineKind;
  code: string;
  fields: OutlineField[];
  version?: number;
  buttonLabel: string;
  title: string;
}) {
  const e = useTargetEditText();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});

  const send = async (reason: string) => {
    // Only the fields changed are sent; an emptied optional field is cleared.
    const changes: Record<string, string | null> = {};
    for (const f of fields) {
      const v = values[f.name]?.trim() ?? '';
      if (v !== (f.value ?? '')) changes[f.name] = v === '' ? null : v;
    }
    const header = version === undefined ? {} : { 'if-match': `"${version}"` };
    const body = { ...changes, reason };
    const r =
      kind === 'plan'
        ? await api.PATCH('/api/plans/{code}', { params: { path: { code: plan }, header }, body })
        : kind === 'task'
          ? await api.PATCH('/api/plans/{code}/tasks/{task}', {
              params: { path: { code: plan, task: code }, header },
              body,
            })
          : kind === 'project'
            ? await api.PATCH('/api/plans/{code}/projects/{project}', {
                params: { path: { code: plan, project: code }, header },
                body,
              })
            : kind === 'breakthrough'
              ? await api.PATCH('/api/plans/{code}/breakthroughs/{breakthrough}', {
                  params: { path: { code: plan, breakthrough: code }, header },
                  body,
                })
              : await api.PATCH('/api/plans/{code}/indicators/{indicator}', {
                  params: { path: { code: plan, indicator: code }, header },
                  body,
                });
    if (r.data) await readOutlineAgain(qc, plan);
    return sent(r, e.itemSaved);
  };

  const id = `oe-${kind}-${code}`;
  return (
    <ItemDialog
      testId={id}
      button={{ text: buttonLabel, label: title }}
      title={title}
      fields={fields.map((f) => f.name)}
      onOpen={() => setValues(Object.fromEntries(fields.map((f) => [f.name, f.value ?? ''])))}
      check={() => missingRequired(fields, values, e.required)}
      send={send}
    >
      {(errors, clear) => (
        <TextFields testId={id} fields={fields} values={values} setValues={setValues} errors={errors} clear={clear} />
      )}
    </ItemDialog>
  );
}
