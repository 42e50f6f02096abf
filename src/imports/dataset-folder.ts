// Reads a dataset folder (tenants/*.json, plans/*.json) and validates every file against the JSON Schemas in
// <folder>/schema, reporting file, path and reason in Vietnamese and English before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ValidationError, type FieldIssue } from '../core/errors.ts';
import type { Dataset, PlanFile, TenantFile } from '../services/dataset/dataset-types.ts';

function readJsonFiles(dir: string): { file: string; data: unknown }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      try {
        return { file, data: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown };
      } catch (e) {
        throw new ValidationError(
          {
            vi: `Tệp ${file} không phải JSON hợp lệ: ${(e as Error).message}`,
            en: `File ${file} is not valid JSON: ${(e as Error).message}`,
          },
          [{ path: file, reason: { vi: 'JSON lỗi cú pháp', en: 'JSON syntax error' } }],
          'invalid_dataset',
        );
      }
    });
}

function validator(schemaFile: string): ((data: unknown) => FieldIssue[]) | null {
  if (!fs.existsSync(schemaFile)) return null;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  return (data) =>
    validate(data)
      ? []
      : (validate.errors ?? []).slice(0, 20).map((err) => ({
          path: err.instancePath || '/',
          reason: { vi: `không hợp lệ: ${err.message ?? ''}`, en: err.message ?? 'invalid' },
        }));
}

export function readDatasetFolder(folder: string): Dataset {
  if (!fs.existsSync(folder)) {
    throw new ValidationError(
      { vi: `Không tìm thấy thư mục dữ liệu ${folder}`, en: `Dataset folder ${folder} not found` },
      [],
      'dataset_not_found',
    );
  }
  const checks: [string, ((d: unknown) => FieldIssue[]) | null][] = [
    ['tenants', validator(path.join(folder, 'schema', 'tenant.schema.json'))],
    ['plans', validator(path.join(folder, 'schema', 'plan.schema.json'))],
  ];
  const out: Dataset = { tenants: [], plans: [] };
  for (const [kind, check] of checks) {
    for (const { file, data } of readJsonFiles(path.join(folder, kind))) {
      const issues = check ? check(data) : [];
      if (issues.length > 0) {
        throw new ValidationError(
          {
            vi: `Tệp ${path.basename(file)} không đúng lược đồ: ${issues[0]?.path} ${issues[0]?.reason.vi}`,
            en: `File ${path.basename(file)} does not match its schema: ${issues[0]?.path} ${issues[0]?.reason.en}`,
          },
          issues.map((i) => ({ ...i, path: `${path.basename(file)}${i.path}` })),
          'invalid_dataset',
        );
      }
      if (kind === 'tenants') out.tenants.push(data as TenantFile);
      else out.plans.push(data as PlanFile);
    }
  }
  return out;
}
