// (a) every bundled file validates against its JSON Schema; (d) all text is NFC, codes are unique, references resolve.
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parsePeriod } from '../../src/core/periods/period.ts';
import { planFiles, readSchema, strings, tenantFiles } from './dataset.ts';

const ajv = new Ajv2020({ allErrors: true });
const validatePlan = ajv.compile(readSchema('plan.schema.json'));
const validateTenant = ajv.compile(readSchema('tenant.schema.json'));
const plans = planFiles();
const tenants = tenantFiles();

const dupes = (xs: string[]): string[] => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('dataset files validate against their schema', () => {
  it('finds the bundled files', () => {
    expect(plans.map((p) => p.name)).toEqual(
      expect.arrayContaining(['hai-phong-2020-2025.json', 'hai-duong-2020-2025.json']),
    );
    expect(tenants.map((t) => t.name)).toContain('hai-phong.json');
  });
  it.each(plans.map((p) => [p.name, p] as const))('plan %s', (_name, file) => {
    const ok = validatePlan(file.json);
    expect(ok ? [] : validatePlan.errors?.slice(0, 20)).toEqual([]);
  });
  it.each(tenants.map((t) => [t.name, t] as const))('tenant %s', (_name, file) => {
    const ok = validateTenant(file.json);
    expect(ok ? [] : validateTenant.errors?.slice(0, 20)).toEqual([]);
  });
  it('the schema rejects what it must reject', () => {
    const file = plans.find((p) => p.name === 'hai-phong-2020-2025.json');
    expect(file).toBeDefined();
    const bad = JSON.parse(file?.text ?? '{}') as { indicators: { targets: { spec: Record<string, unknown> }[] }[] };
    const spec = bad.indicators[0]?.targets[0]?.spec;
    expect(spec).toBeDefined();
    if (!spec) return;
    spec.min = 14.5; // a JSON number, not a decimal string
    expect(validatePlan(bad)).toBe(false);
    spec.min = '14,5'; // a comma decimal
    expect(validatePlan(bad)).toBe(false);
    delete spec.min; // a growth target without its required bound
    expect(validatePlan(bad)).toBe(false);
    spec.min = '14.5';
    spec.colour = 'red'; // additionalProperties: false
    expect(validatePlan(bad)).toBe(false);
    delete spec.colour;
    expect(validatePlan(bad)).toBe(true);
  });
});

describe('text is NFC and codes are unique', () => {
  it.each([...plans, ...tenants].map((f) => [f.name, f] as const))('%s is NFC throughout', (_name, file) => {
    expect(file.text === file.text.normalize('NFC')).toBe(true);
    const notNfc = [...strings(file.json)].filter(({ s }) => s !== s.normalize('NFC')).map(({ at }) => at);
    expect(notNfc).toEqual([]);
  });

  it.each(plans.map((p) => [p.name, p] as const))(
    '%s: unique codes, resolvable parents and links, valid periods',
    (name, { json }) => {
      expect(`${json.plan.id}.json`).toBe(name);
      const codes = json.indicators.map((i) => i.code);
      expect(dupes(codes)).toEqual([]);
      const known = new Set(codes);
      expect(json.indicators.filter((i) => i.parent !== null && !known.has(i.parent)).map((i) => i.code)).toEqual([]);
      // parents come before their children and there is no cycle
      const seen = new Set<string>();
      for (const i of json.indicators) {
        if (i.parent !== null) expect(seen.has(i.parent), `${i.code} before its parent ${i.parent}`).toBe(true);
        seen.add(i.code);
      }
      expect(dupes(json.breakthroughs.map((b) => b.code ?? ''))).toEqual([]);
      expect(dupes(json.tasks.map((t) => t.code ?? ''))).toEqual([]);
      expect(dupes(json.projects.map((p) => `${p.list ?? ''}/${p.number ?? ''}`))).toEqual([]);
      for (const i of json.indicators) {
        for (const t of i.targets) expect(t.spec.term.firstYear <= t.spec.term.lastYear, `${i.code} term`).toBe(true);
        for (const o of i.observations ?? [])
          expect(() => parsePeriod(o.period), `${i.code} ${o.period}`).not.toThrow();
      }
      const taskCodes = new Set(json.tasks.map((t) => t.code ?? ''));
      const projectNumbers = new Set(json.projects.map((p) => p.number ?? ''));
      for (const b of json.breakthroughs as {
        code?: string;
        links?: { tasks?: string[]; projects?: string[]; indicators?: string[] };
      }[]) {
        for (const c of b.links?.indicators ?? [])
          expect(known.has(c), `breakthrough ${b.code ?? ''} → indicator ${c}`).toBe(true);
        for (const c of b.links?.tasks ?? [])
          expect(taskCodes.has(c), `breakthrough ${b.code ?? ''} → task ${c}`).toBe(true);
        for (const c of b.links?.projects ?? []) {
          const n = c.includes('-') ? c.slice(c.indexOf('-') + 1) : c;
          expect(projectNumbers.has(n) || projectNumbers.has(c), `breakthrough ${b.code ?? ''} → project ${c}`).toBe(
            true,
          );
        }
      }
    },
  );

  it('plan ids are unique and every plan belongs to a known tenant and unit', () => {
    expect(dupes(plans.map((p) => p.json.plan.id))).toEqual([]);
    for (const { name, json } of plans) {
      const tenant = tenants.find((t) => t.json.tenant.code === json.tenant);
      expect(tenant, `${name}: tenant ${json.tenant}`).toBeDefined();
      expect(
        tenant?.json.units.map((u) => u.code),
        `${name}: unit ${json.plan.unitCode}`,
      ).toContain(json.plan.unitCode);
    }
  });

  it.each(tenants.map((t) => [t.name, t] as const))(
    '%s: unique unit and agency codes, lineage between known units',
    (name, { json }) => {
      expect(`${json.tenant.code}.json`).toBe(name);
      const units = json.units.map((u) => u.code);
      expect(dupes(units)).toEqual([]);
      expect(units).toContain(json.tenant.unitCode);
      expect(dupes(json.agencies.map((a) => a.code))).toEqual([]);
      for (const l of json.lineage) {
        expect(units).toContain(l.from);
        expect(units).toContain(l.to);
      }
    },
  );
});
