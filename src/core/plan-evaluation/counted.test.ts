import { describe, expect, it } from 'vitest';
import { notCountedReasons } from './counted.ts';
import type { SnapshotTarget } from './snapshot.ts';

const target = (id: string, over: Partial<SnapshotTarget> = {}, lastYear = 2025): SnapshotTarget => ({
  target_id: id,
  indicator_id: 'i1',
  unit_id: 'u1',
  kind: 'level_at_end',
  spec: { kind: 'level_at_end', term: { firstYear: 2021, lastYear } },
  text: id,
  sort_order: 0,
  target_provenance: null,
  indicator_code: '1',
  indicator_name: 'x',
  unit_of_measure: '%',
  measure: 'share',
  price_basis: 'none',
  parent_code: null,
  composite_rule: null,
  indicator_provenance: null,
  document: null,
  ...over,
});

describe('which targets a plan counts', () => {
  it('counts the first target in force of an indicator, scope and final year; labels the draft, the other scope and the parallel one', () => {
    const r = notCountedReasons([
      target('adopted'),
      target('draft', { stage: 'draft' }),
      target('former', { unit_id: 'u0', scope: { code: '30', name: 'Tỉnh cũ', own: false } }),
      target('copy'),
    ]);
    expect(Object.fromEntries(r)).toEqual({
      adopted: null,
      draft: { reason: 'draft' },
      former: { reason: 'other_scope', scope: { code: '30', name: 'Tỉnh cũ' } },
      copy: { reason: 'parallel', countedTargetId: 'adopted' },
    });
  });

  it('a later horizon of the same indicator (2030 in a 2020–2025 plan) is a target of its own, and both count', () => {
    const r = notCountedReasons([target('2025'), target('2030', {}, 2030)]);
    expect([...r.values()]).toEqual([null, null]);
  });

  it('a draft listed first does not take the place of the target in force', () => {
    const r = notCountedReasons([target('draft', { stage: 'draft' }), target('adopted')]);
    expect(r.get('adopted')).toBeNull();
  });
});
