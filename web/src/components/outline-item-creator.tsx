// A plan owner's dialog to add a task, a key project or a breakthrough to a plan in place (its code and its own
// wording and dates), with a reason; the server refuses a code the plan already uses and keeps the new row in the
// audit log. The new item shows in its list at once.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useTargetEditText } from '../i18n/target-edit-messages.ts';
import { ItemDialog, missingRequired, sent, TextFields, type TextField } from './item-dialog.tsx';
import { readOutlineAgain } from './outline-item-editor.tsx';

type Kind = 'task' | 'project' | 'breakthrough';

export function OutlineItemCreator({ plan, kind }: { plan: string; kind: Kind }) {
  const e = useTargetEditText();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const code: TextField = { name: 'code', label: e.itemCode, type: 'text', required: true };
  const fields: Record<Kind, TextField[]> = {
    task: [
      code,
      { name: 'title', label: e.taskTitle, type: 'textarea', required: true },
      { name: 'deadline', label: e.taskDeadline, type: 'date' },
      { name: 'responsibility', label: e.taskResponsibility, type: 'textarea' },
    ],
    project: [
      code,
      { name: 'title', label: e.projectTitle, type: 'textarea', required: true },
      { name: 'periodStart', label: e.projectStart, type: 'date' },
      { name: 'periodEnd', label: e.projectEnd, type: 'date' },
    ],
    breakthrough: [
      code,
      { name: 'title', label: e.breakthroughTitle, type: 'textarea', required: true },
      { name: 'body', label: e.breakthroughBody, type: 'textarea' },
    ],
  };
  const mine = fields[kind];

  const send = async (reason: string) => {
    // Only what was written is sent: an empty optional field is left out.
    const body = {
      ...Object.fromEntries(mine.map((f) => [f.name, values[f.name]?.trim() ?? '']).filter(([, v]) => v !== '')),
      reason,
    } as { code: string; title: string; reason: string };
    const path = { params: { path: { code: plan } }, body };
    const r =
      kind === 'task'
        ? await api.POST('/api/plans/{code}/tasks', path)
        : kind === 'project'
          ? await api.POST('/api/plans/{code}/projects', path)
          : await api.POST('/api/plans/{code}/breakthroughs', path);
    if (r.data) await readOutlineAgain(qc, plan);
    return sent(r, e.itemAdded(r.data?.code ?? ''));
  };

  const id = `${kind}-add`;
  return (
    <ItemDialog
      testId={id}
      button={{ text: e.add, size: 'compact-sm' }}
      title={e.addTitle[kind]}
      adds
      fields={mine.map((f) => f.name)}
      onOpen={() => setValues({})}
      check={() => missingRequired(mine, values, e.required)}
      send={send}
      conflict={() => e.codeInUse(values.code?.trim() ?? '')}
    >
      {(errors, clear) => (
        <TextFields testId={id} fields={mine} values={values} setValues={setValues} errors={errors} clear={clear} />
      )}
    </ItemDialog>
  );
}
