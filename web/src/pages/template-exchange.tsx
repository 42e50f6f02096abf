// The agency's Excel round trip on its inbox: download the template of the periods due (GET
// /api/plans/{code}/templates/{agency}.xlsx), fill it in Excel or LibreOffice, upload it (POST /api/imports/figures):
// every cell is checked first and nothing is written unless all pass; the answer lists each refused cell by sheet,
// row and column (the first 10,000; the title counts them all), or the figures written as submitted.
import { Alert, Button, FileInput, Group, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportResult } from '../../../src/services/interchange/import-figures.ts';
import { useAgencies } from '../data/entry-queries.ts';
import { csrf, problemOf } from '../data/staff.ts';
import { useAccountT } from '../i18n/account-messages.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function TemplateExchange({ plan, agencyId }: { plan: string; agencyId: string }) {
  const { a, locale } = useAccountT();
  const agencies = useAgencies(true);
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const agency = agencies.data?.find((g) => g.id === agencyId);
  if (!agency) return null;
  const upload = async (): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const csv = /\.(csv|txt)$/i.test(file.name);
      const res = await fetch(`/api/imports/figures?plan=${encodeURIComponent(plan)}`, {
        method: 'POST',
        headers: { 'content-type': csv ? 'text/csv' : XLSX, ...csrf(null) },
        body: await file.arrayBuffer(),
      });
      const body: unknown = await res.json();
      if (res.status === 200 || res.status === 422) {
        setResult(body as ImportResult);
        if (res.status === 200) void qc.invalidateQueries();
      } else setError(problemOf(body, locale).message);
    } catch (e) {
      setError(problemOf(e, locale).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" mb="md" data-testid="template-exchange">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {a.templateTitle}
        </Title>
        <p className="muted">{a.templateIntro}</p>
        <Group align="end">
          <Button component="a" variant="light" href={`/api/plans/${plan}/templates/${agency.code}.xlsx`}>
            {a.templateDownload}
          </Button>
          <FileInput
            label={a.templateFile}
            accept={`${XLSX},.xlsx,.csv,text/csv`}
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': a.templateClear }}
          />
          <Button onClick={() => void upload()} disabled={!file} loading={busy}>
            {a.templateUpload}
          </Button>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        {result && result.counts.rejected > 0 && (
          <Alert color="red" title={a.importRefused(result.counts.rejected)}>
            <ul data-testid="import-rejected">
              {result.rejected.map((r) => (
                <li key={`${r.sheet} ${r.row} ${r.column}`}>
                  {a.importCell(r.sheet, r.row, r.column, r.value)}: {r.reason[locale]}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {result && result.counts.rejected === 0 && (
          <Alert color="green">{a.importDone(result.counts.new, result.counts.revised, result.counts.unchanged)}</Alert>
        )}
      </Stack>
    </Paper>
  );
}
