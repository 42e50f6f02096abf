// A plan owner's dialog to import the commune register from a CSV file with the legal document that set it
// (POST /api/units/import): the server checks every line first and writes all or nothing; each refused line is
// named with its reason. Once imported, the commune tables and the evaluations are read again.
import { FileInput, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useRegisterText } from '../i18n/register-messages.ts';
import { ItemDialog, missingRequired, sent, TextFields, type TextField } from './item-dialog.tsx';

export function RegisterImporter({ empty = false }: { empty?: boolean }) {
  const t = useRegisterText();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const fields: TextField[] = [
    { name: 'number', label: t.number, type: 'text', required: true },
    { name: 'date', label: t.date, type: 'date', required: true },
    { name: 'issuer', label: t.issuer, type: 'text' },
    { name: 'title', label: t.docTitle, type: 'textarea' },
  ];

  const send = async (reason: string) => {
    let csv: string;
    try {
      csv = (await file?.text()) ?? '';
    } catch {
      return { ok: false as const, problem: { messages: { vi: t.fileUnreadable, en: t.fileUnreadable } } };
    }
    const given = (name: string) => values[name]?.trim() || undefined;
    const r = await api.POST('/api/units/import', {
      body: {
        csv,
        document: {
          number: given('number') ?? '',
          date: given('date') ?? '',
          ...(given('issuer') ? { issuer: given('issuer') } : {}),
          ...(given('title') ? { title: given('title') } : {}),
        },
        reason,
      },
    });
    // A register moves every plan's commune tables and evaluations: everything but the session is read again.
    if (r.data) await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    return sent(r, r.data ? t.imported(r.data.created, r.data.unchanged, r.data.lineage) : '');
  };

  return (
    <ItemDialog
      testId="register-import"
      button={{ text: empty ? t.openEmpty : t.open, size: 'compact-sm' }}
      title={t.title}
      adds
      fields={['csv', ...fields.map((f) => f.name)]}
      fieldOf={(path) => (path.startsWith('document.') ? path.slice('document.'.length) : path)}
      onOpen={() => {
        setFile(null);
        setValues({});
      }}
      check={() => ({
        ...missingRequired(fields, values, t.required),
        ...(file === null ? { csv: t.fileRequired } : {}),
      })}
      send={send}
      size="lg"
    >
      {(errors, clear) => (
        <>
          <Text size="sm">{t.intro}</Text>
          <Text size="sm" c="dimmed">
            {t.columns}
          </Text>
          <FileInput
            label={t.file}
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              clear('csv');
            }}
            error={errors.csv}
            required
            clearable
            clearButtonProps={{ 'aria-label': t.clearFile }}
            data-testid="register-import-file"
          />
          <TextFields
            testId="register-import"
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
