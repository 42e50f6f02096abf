// Reads a dataset folder (tenants/*.json, plans/*.json) and validates every file against the product's JSON Schemas
// (data/schema, always: a folder's own copy is never the judge of itself), reporting each problem as a person can
// act on it — file, plan, indicator code, field and reason, in Vietnamese and English — before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { ValidationError, type FieldIssue, type Messages } from '../core/errors.ts';
import type { Dataset, PlanFile, TenantFile } from '../services/dataset/dataset-types.ts';

/** The schemas the product reads its datasets with: the bundled data/schema, whatever folder is imported. */
export const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../data/schema');
/** Problems listed per file: enough to fix a file in one pass without drowning the first one. */
const MAX_ISSUES = 20;

function invalid(file: string, messages: Messages, issues: FieldIssue[]): ValidationError {
  return new ValidationError(messages, issues, 'invalid_dataset', { file });
}

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
        const why = (e as Error).message;
        throw invalid(f, { vi: `Tệp ${f} không phải JSON hợp lệ: ${why}`, en: `File ${f} is not valid JSON: ${why}` }, [
          { path: f, reason: { vi: `JSON lỗi cú pháp: ${why}`, en: `JSON syntax error: ${why}` } },
        ]);
      }
    });
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const COLLECTIONS = new Set(['indicators', 'targets', 'observations', 'units', 'agencies', 'tasks', 'breakthroughs']);

/** How a person finds an item of a list in the file: an indicator by its code, a figure by its period. */
function labelOf(list: string, item: unknown, index: number): Messages | null {
  if (!COLLECTIONS.has(list)) return null;
  const o = isObject(item) ? item : {};
  const nth = index + 1;
  switch (list) {
    case 'indicators':
      return typeof o.code === 'string'
        ? { vi: `chỉ tiêu ${o.code}`, en: `indicator ${o.code}` }
        : { vi: `chỉ tiêu thứ ${nth}`, en: `indicator #${nth}` };
    case 'targets':
      return { vi: `mục tiêu thứ ${nth}`, en: `target #${nth}` };
    case 'observations':
      return typeof o.period === 'string'
        ? { vi: `số liệu kỳ ${o.period}`, en: `figure for ${o.period}` }
        : { vi: `số liệu thứ ${nth}`, en: `figure #${nth}` };
    default: {
      const code = typeof o.code === 'string' ? o.code : `#${nth}`;
      return { vi: `${list} ${code}`, en: `${list} ${code}` };
    }
  }
}

/** Where an error sits, in the file's own words: plan, indicator code, target or observation, and the field. */
function locate(data: unknown, pointer: string): { where: Messages; field: string } {
  const segs = pointer.split('/').slice(1);
  const where: Messages[] = [];
  if (isObject(data) && isObject(data.plan) && typeof data.plan.id === 'string')
    where.push({ vi: `nghị quyết ${data.plan.id}`, en: `plan ${data.plan.id}` });
  if (isObject(data) && isObject(data.tenant) && typeof data.tenant.code === 'string')
    where.push({ vi: `địa phương ${data.tenant.code}`, en: `tenant ${data.tenant.code}` });
  let node: unknown = data;
  const field: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    if (Array.isArray(node)) {
      const item: unknown = node[Number(seg)];
      const label = labelOf(segs[i - 1] ?? '', item, Number(seg));
      if (label) where.push(label);
      else field.push(seg);
      node = item;
      continue;
    }
    const next: unknown = isObject(node) ? node[seg] : undefined;
    if (!(Array.isArray(next) && COLLECTIONS.has(seg))) field.push(seg);
    node = next;
  }
  return {
    where: { vi: where.map((w) => w.vi).join(', '), en: where.map((w) => w.en).join(', ') },
    field: field.join('.'),
  };
}

/** Ajv's reason in both languages, naming the property it is about. */
function reasonOf(err: ErrorObject): { field: string | null; reason: Messages } {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties':
      return {
        field: String(p.additionalProperty),
        reason: {
          vi: `thuộc tính "${String(p.additionalProperty)}" không được phép`,
          en: `property "${String(p.additionalProperty)}" is not allowed`,
        },
      };
    case 'required':
      return {
        field: String(p.missingProperty),
        reason: {
          vi: `thiếu thuộc tính bắt buộc "${String(p.missingProperty)}"`,
          en: `required property "${String(p.missingProperty)}" is missing`,
        },
      };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String).join(', ');
      return { field: null, reason: { vi: `phải là một trong: ${allowed}`, en: `must be one of: ${allowed}` } };
    }
    case 'const':
      return {
        field: null,
        reason: { vi: `phải là ${JSON.stringify(p.allowedValue)}`, en: `must be ${JSON.stringify(p.allowedValue)}` },
      };
    case 'type':
      return { field: null, reason: { vi: `phải có kiểu ${String(p.type)}`, en: `must be of type ${String(p.type)}` } };
    case 'pattern':
      return {
        field: null,
        reason: {
          vi: `không đúng dạng (số viết dạng chuỗi với dấu chấm, ví dụ "14.5"; mã, kỳ, ngày theo mẫu ${String(p.pattern)})`,
          en: `does not have the required form (numbers as strings with a dot, e.g. "14.5"; codes, periods, dates matching ${String(p.pattern)})`,
        },
      };
    default:
      return {
        field: null,
        reason: { vi: `không hợp lệ: ${err.message ?? err.keyword}`, en: err.message ?? err.keyword },
      };
  }
}

// "if/then", "anyOf" and "oneOf" only say that a branch failed; the branch's own errors say what to fix.
const WRAPPERS = new Set(['if', 'allOf', 'anyOf', 'oneOf', 'not']);

/** Validates one file; the issues name file, plan, indicator code, field and reason. */
export function schemaIssues(file: string, data: unknown, validate: ReturnType<Ajv2020['compile']>): FieldIssue[] {
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter((e) => !WRAPPERS.has(e.keyword));
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const err of errors.length > 0 ? errors : (validate.errors ?? [])) {
    const { where, field } = locate(data, err.instancePath);
    const { field: named, reason } = reasonOf(err);
    const fullField = [field, named].filter(Boolean).join('.');
    const path = [file, where.en, fullField].filter(Boolean).join(' / ');
    const key = `${path}|${reason.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      path,
      reason: {
        vi: `${[where.vi, fullField && `trường ${fullField}`].filter(Boolean).join(', ')}: ${reason.vi}`,
        en: `${[where.en, fullField && `field ${fullField}`].filter(Boolean).join(', ')}: ${reason.en}`,
      },
    });
    if (out.length >= MAX_ISSUES) break;
  }
  return out;
}

function compile(name: string): ReturnType<Ajv2020['compile']> {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as object);
}

export function readDatasetFolder(folder: string): Dataset {
  if (!fs.existsSync(folder)) {
    throw new ValidationError(
      { vi: `Không tìm thấy thư mục dữ liệu ${folder}`, en: `Dataset folder ${folder} not found` },
      [],
      'dataset_not_found',
    );
  }
  const checks: ['tenants' | 'plans', ReturnType<Ajv2020['compile']>][] = [
    ['tenants', compile('tenant.schema.json')],
    ['plans', compile('plan.schema.json')],
  ];
  const out: Dataset = { tenants: [], plans: [] };
  for (const [kind, check] of checks) {
    for (const { file, data } of readJsonFiles(path.join(folder, kind))) {
      const name = path.basename(file);
      const issues = schemaIssues(name, data, check);
      const first = issues[0];
      if (first) {
        throw invalid(
          name,
          {
            vi: `Tệp ${name} không đúng định dạng dữ liệu (${issues.length} lỗi): ${first.reason.vi}`,
            en: `File ${name} does not match the dataset format (${issues.length} problems): ${first.reason.en}`,
          },
          issues,
        );
      }
      if (kind === 'tenants') out.tenants.push({ ...(data as TenantFile), file: name });
      else out.plans.push({ ...(data as PlanFile), file: name });
    }
  }
  return out;
}

let specCheck: ReturnType<Ajv2020['compile']> | undefined;

/**
 * A target's spec checked against the dataset format's own definition (data/schema/plan.schema.json#/$defs/spec), so
 * a spec typed into the API is held to exactly what a dataset file may say: each kind's fields, decimals as strings,
 * no unknown field. Throws a ValidationError naming the field.
 */
export function checkSpecShape(spec: unknown): void {
  if (specCheck === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'plan.schema.json'), 'utf8')) as object);
    specCheck = ajv.compile({ $ref: 'https://chitieu.example/schema/plan.schema.json#/$defs/spec' });
  }
  const issues = schemaIssues('spec', spec, specCheck);
  const first = issues[0];
  if (first)
    throw new ValidationError(
      {
        vi: `Định nghĩa mục tiêu không đúng định dạng: ${first.reason.vi}`,
        en: `The target's definition does not match the format: ${first.reason.en}`,
      },
      issues,
      'invalid_target',
    );
}

let planFormat: ReturnType<Ajv2020['compile']> | undefined;
/** Checks one plan built elsewhere (a reviewed draft) against the dataset format's JSON Schema, as files are. */
export function checkPlanFormat(plan: PlanFile): void {
  planFormat ??= compile('plan.schema.json');
  const name = plan.file ?? `${plan.plan.id}.json`;
  const { file: _file, ...data } = plan;
  const issues = schemaIssues(name, data, planFormat);
  const first = issues[0];
  if (first) {
    throw invalid(
      name,
      {
        vi: `Kế hoạch chưa đúng định dạng dữ liệu (${issues.length} lỗi): ${first.reason.vi}`,
        en: `The plan does not match the dataset format (${issues.length} problems): ${first.reason.en}`,
      },
      issues,
    );
  }
}
