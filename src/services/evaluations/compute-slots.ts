// A small bound on evaluations computed on request ("as published on" a past date, another evaluation date, all
// figures including drafts): a few run at once, a few more wait, the rest are refused at once with 429 so that
// nobody can slow the whole server down by asking for them. Stored evaluations are never subject to it.
import { ChitieuError } from '../../core/errors.ts';

export class EvaluationBusy extends ChitieuError {
  constructor() {
    super('evaluation_busy', 'rate_limited', {
      vi: 'Máy chủ đang bận tính các đánh giá theo yêu cầu; hãy thử lại sau ít giây',
      en: 'The server is busy computing evaluations on request; try again in a few seconds',
    });
  }
}

export class ComputeSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new EvaluationBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // A waiter inherits this slot; only when nobody waits is the slot given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** Two computations at once per process, four waiting: each takes about a tenth of a second. */
export const onRequestSlots = new ComputeSlots(2, 4);
