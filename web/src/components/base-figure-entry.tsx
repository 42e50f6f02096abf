// A plan owner's dialog on the indicator page to enter a merged unit's missing base-period figure: the figure with its
// stage and source (POST /api/observations, the same checks as any figure), then submitted for approval (four eyes:
// someone else approves it). A figure before the term is history, not performance, so no story is asked for it. A
// draft left by an earlier attempt is revised (a new version) rather than refused as a duplicate.
import { NativeSelect, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OBSERVATION_STATUSES, type ObservationStatus } from '../../../src/core/vocabulary.ts';
import { api } from '../api/client.ts';
import type { Problem } from '../data/session.tsx';
import { useAccountT } from '../i18n/account-messages.ts';
import { usePlanPagesText } from '../i18n/plan-pages-messages.ts';
import { ItemDialog, missingRequired, sent, TextFields, type Sent, type TextField } from './item-dialog.tsx';

export function BaseFigureEntry({
  indicatorId,
  unit,
  period,
  unitOfMeasure,
}: {
  indicatorId: string;
  unit: { id: string; name: string };
  period: string;
  unitOfMeasure: string;
}) {
  const p = usePlanPagesText();
  const { a } = useAccountT();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [stage, setStage] = useState<ObservationStatus>('official');
  const fields: TextField[] = [
    { name: 'value', label: p.baseValue(unitOfMeasure), type: 'text', required: true },
    { name: 'sourceText', label: p.baseSource, type: 'text', required: true },
  ];

  const send = async (reason: string): Promise<Sent> => {
    const figure = {
      value: values.value?.trim() ?? '',
      status: stage,
      sourceText: values.sourceText?.trim() ?? '',
      reason,
    };
    let written = await api.POST('/api/observations', {
      body: { indicatorId, unitId: unit.id, period, ...figure },
    });
    if (!written.data && written.response.status === 409) {
      // A draft of this period already there (an earlier attempt): this figure is its next version.
      const existing = (written.error as Problem | undefined)?.details as { id?: string; version?: number } | undefined;
      if (existing?.id !== undefined && existing.version !== undefined)
        written = await api.POST('/api/observations/{id}/versions', {
          params: { path: { id: existing.id }, header: { 'if-match': `"${existing.version}"` } },
          body: figure,
        });
    }
    if (!written.data) return sent(written, '');
    const submitted = await api.POST('/api/observations/{id}/submit', {
      params: { path: { id: written.data.id }, header: { 'if-match': `"${written.data.version}"` } },
      body: { comment: reason },
    });
    await qc.invalidateQueries({
      predicate: (q) => ['evaluations', 'observations', 'observation', 'inbox'].includes(String(q.queryKey[0])),
    });
    return sent(submitted, p.baseSent(period));
  };

  return (
    <ItemDialog
      testId="base-figure"
      button={{ text: p.baseEnter, size: 'compact-sm' }}
      title={p.baseEnterTitle(period, unit.name)}
      adds
      fields={['value', 'status', 'sourceText']}
      onOpen={() => {
        setValues({});
        setStage('official');
      }}
      check={() => missingRequired(fields, values, p.baseRequired)}
      send={send}
    >
      {(errors, clear) => (
        <>
          <Text size="sm">{p.baseEnterIntro}</Text>
          <NativeSelect
            label={p.baseStage}
            value={stage}
            onChange={(ev) => {
              setStage(ev.currentTarget.value as ObservationStatus);
              clear('status');
            }}
            data={OBSERVATION_STATUSES.map((s) => ({ value: s, label: a.stages[s] ?? s }))}
            error={errors.status}
            data-testid="base-figure-status"
          />
          <TextFields
            testId="base-figure"
            fields={fields}
            values={values}
            setValues={setValues}
            errors={errors}
            clear={clear}
          />
        </>
      )}
    </ItemDialog>
  );
}
