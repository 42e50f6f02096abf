// Nelder–Mead minimisation (Lagarias et al. 1998 coefficients): enough for the handful of prior parameters the
// backtest fits, deterministic, and free of gradients the log score does not offer in closed form.
export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  opts: { step?: number; maxIterations?: number; tolerance?: number } = {},
): Minimum {
  const n = start.length;
  const step = opts.step ?? 0.5;
  const maxIterations = opts.maxIterations ?? 400 * n;
  const tolerance = opts.tolerance ?? 1e-9;
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = (p[i] as number) + step;
    simplex.push(p);
  }
  let values = simplex.map(f);
  const combine = (a: readonly number[], b: readonly number[], t: number): number[] =>
    a.map((ai, i) => ai + t * ((b[i] as number) - ai));
  let it = 0;
  for (; it < maxIterations; it++) {
    const order = values.map((v, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    const best = values[0] as number;
    const worst = values[n] as number;
    if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const p = simplex[i] as number[];
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const worstPoint = simplex[n] as number[];
    const reflected = combine(centroid, worstPoint, -1);
    const fr = f(reflected);
    if (fr < best) {
      const expanded = combine(centroid, worstPoint, -2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < (values[n - 1] as number)) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const outside = fr < worst;
      const contracted = combine(centroid, worstPoint, outside ? -0.5 : 0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : worst)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        const b0 = simplex[0] as number[];
        for (let i = 1; i <= n; i++) {
          simplex[i] = combine(b0, simplex[i] as number[], 0.5);
          values[i] = f(simplex[i] as number[]);
        }
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { x: simplex[bestIndex] as number[], value: values[bestIndex] as number, iterations: it };
}
