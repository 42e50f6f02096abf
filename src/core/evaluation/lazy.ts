// An evaluation whose status was decided by the fast path (fast.ts) and whose other figures (actual, achievement,
// required, projection, method, intermediates, explanation) are produced by the decimal.js reference on first read.
//
// The contract: `status`, `phase` and `decided` are own data properties; the figures are getters on the prototype
// that compute the reference once and memoize it (a figure assigned by a caller replaces the computed one). Reading a
// figure by name, and JSON.stringify (toJSON: same text, same key order as the eager evaluation), behave as for the
// eager evaluation. Spread, Object.keys and structuredClone see only the own properties: a caller that needs a
// plain object uses plainEvaluation() (the engine's own code does). Defining seven own accessors per evaluation cost
// 2–4 µs; a class costs tens of nanoseconds.
import type { KindEvaluation } from './context.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import type { AsOf, EvaluateOptions, Evaluation, EvaluationStatus, FinalStatus, Phase } from './types.ts';

type Figures = Omit<KindEvaluation, 'status' | 'decided'>;

/** Computes the reference's figures from the evaluation's inputs (a module function: no closure per evaluation). */
export type MakeFigures = (
  target: TargetSpec,
  observations: ObservationInput[],
  asOf: AsOf,
  options: EvaluateOptions,
) => KindEvaluation;

export class LazyEvaluation {
  status: EvaluationStatus;
  phase: Phase;
  declare decided?: FinalStatus;
  // The inputs of the reference (dropped once it has run) and its figures.
  #make: MakeFigures | null;
  #target: TargetSpec | null;
  #observations: ObservationInput[] | null;
  #asOf: AsOf | null;
  #options: EvaluateOptions | null;
  #e: KindEvaluation | null = null;

  constructor(
    status: EvaluationStatus,
    phase: Phase,
    decided: FinalStatus | undefined,
    make: MakeFigures,
    target: TargetSpec,
    observations: ObservationInput[],
    asOf: AsOf,
    options: EvaluateOptions,
  ) {
    this.status = status;
    this.phase = phase;
    if (decided !== undefined) this.decided = decided;
    this.#make = make;
    this.#target = target;
    this.#observations = observations;
    this.#asOf = asOf;
    this.#options = options;
  }

  #figures(): KindEvaluation {
    let e = this.#e;
    if (e === null) {
      e = (this.#make as MakeFigures)(
        this.#target as TargetSpec,
        this.#observations as ObservationInput[],
        this.#asOf as AsOf,
        this.#options as EvaluateOptions,
      );
      this.#make = this.#target = this.#observations = this.#asOf = this.#options = null;
      this.#e = e;
    }
    return e;
  }

  #set<K extends keyof Figures>(k: K, v: Figures[K]): void {
    const f: Figures = this.#figures();
    f[k] = v;
  }

  get actual(): Figures['actual'] {
    return this.#figures().actual;
  }
  set actual(v: Figures['actual']) {
    this.#set('actual', v);
  }
  get achievement(): Figures['achievement'] {
    return this.#figures().achievement;
  }
  set achievement(v: Figures['achievement']) {
    this.#set('achievement', v);
  }
  get required(): Figures['required'] {
    return this.#figures().required;
  }
  set required(v: Figures['required']) {
    this.#set('required', v);
  }
  get projection(): Figures['projection'] {
    return this.#figures().projection;
  }
  set projection(v: Figures['projection']) {
    this.#set('projection', v);
  }
  get method(): Figures['method'] {
    return this.#figures().method;
  }
  set method(v: Figures['method']) {
    this.#set('method', v);
  }
  get intermediates(): Figures['intermediates'] {
    return this.#figures().intermediates;
  }
  set intermediates(v: Figures['intermediates']) {
    this.#set('intermediates', v);
  }
  get explanation(): Figures['explanation'] {
    return this.#figures().explanation;
  }
  set explanation(v: Figures['explanation']) {
    this.#set('explanation', v);
  }

  /** The eager evaluation's JSON: the reference's keys in its order, status/decided/phase as decided here. */
  toJSON(): Evaluation {
    const e = this.#figures();
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(e)) {
      if (k === 'status') out.status = this.status;
      else if (k === 'decided') {
        if (this.decided !== undefined) out.decided = this.decided;
      } else out[k] = e[k as keyof KindEvaluation];
    }
    if (!('decided' in out) && this.decided !== undefined) out.decided = this.decided;
    out.phase = this.phase;
    // Properties a caller added to the object itself come last, as they would on a plain object.
    for (const k of Object.keys(this)) if (!(k in out)) out[k] = (this as Record<string, unknown>)[k];
    return out as unknown as Evaluation;
  }
}

/**
 * An evaluation with its status (and `decided`) set now and every other figure computed on first read by
 * `make(target, observations, asOf, options)`; `observations` is kept as given (the caller passes its own copy).
 */
export function lazyEvaluation(
  status: EvaluationStatus,
  phase: Phase,
  decided: FinalStatus | undefined,
  make: MakeFigures,
  target: TargetSpec,
  observations: ObservationInput[],
  asOf: AsOf,
  options: EvaluateOptions,
): Evaluation {
  return new LazyEvaluation(status, phase, decided, make, target, observations, asOf, options) as unknown as Evaluation;
}

/** A plain object with every figure of the evaluation (for spreading, cloning or deep comparison). */
export function plainEvaluation(e: Evaluation): Evaluation {
  return e instanceof LazyEvaluation ? e.toJSON() : e;
}
