// An evaluation whose status was decided by the fast path (fast.ts) and whose other figures (actual, achievement,
// required, projection, method, intermediates, explanation) are produced by the decimal.js reference on first read.
// They are own, enumerable properties (accessors until first read, plain data afterwards), so callers read them as
// before, spread and structuredClone copy them, and JSON.stringify gives the same text, in the same key order, as
// the eager evaluation.
import type { KindEvaluation } from './context.ts';
import type { Evaluation, FinalStatus, EvaluationStatus, Phase } from './types.ts';

const LAZY_KEYS = ['actual', 'achievement', 'required', 'projection', 'method', 'intermediates', 'explanation'] as const;
type LazyKey = (typeof LAZY_KEYS)[number];

const STATE = Symbol('evaluation.lazy');

interface State {
  make: (() => KindEvaluation) | null;
  /** Key order of the reference evaluation, kept for toJSON. */
  order: string[] | null;
}

type Holder = Record<PropertyKey, unknown> & { [STATE]: State };

function materialize(o: Holder): void {
  const st = o[STATE];
  if (st.make === null) return;
  const e = st.make();
  st.make = null;
  const order = Object.keys(e);
  if (!order.includes('phase')) order.push('phase');
  st.order = order;
  for (const k of LAZY_KEYS) {
    // Keeps a value a caller assigned before the first read.
    const d = Object.getOwnPropertyDescriptor(o, k);
    if (d !== undefined && d.get === undefined) continue;
    Object.defineProperty(o, k, { value: e[k], writable: true, enumerable: true, configurable: true });
  }
}

function accessor(k: LazyKey): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Holder): unknown {
      materialize(this);
      return this[k];
    },
    set(this: Holder, v: unknown): void {
      Object.defineProperty(this, k, { value: v, writable: true, enumerable: true, configurable: true });
    },
  };
}

const DESCRIPTORS: PropertyDescriptorMap = Object.fromEntries(LAZY_KEYS.map((k) => [k, accessor(k)]));

function toJSON(this: Holder): Record<string, unknown> {
  materialize(this);
  const out: Record<string, unknown> = {};
  for (const k of this[STATE].order ?? []) if (Object.prototype.hasOwnProperty.call(this, k)) out[k] = this[k];
  for (const k of Object.keys(this)) if (!(k in out)) out[k] = this[k];
  return out;
}

DESCRIPTORS.toJSON = { value: toJSON, enumerable: false, configurable: true, writable: true };

/** An evaluation with its status (and `decided`) set now and every other figure computed by `make` on first read. */
export function lazyEvaluation(status: EvaluationStatus, phase: Phase, decided: FinalStatus | undefined, make: () => KindEvaluation): Evaluation {
  const o = decided === undefined ? { status, phase } : { status, phase, decided };
  Object.defineProperty(o, STATE, { value: { make, order: null } satisfies State, enumerable: false, configurable: true });
  Object.defineProperties(o, DESCRIPTORS);
  return o as unknown as Evaluation;
}
