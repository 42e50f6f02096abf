// Open SDG's natural-limit coefficient C: thresholds shrink as the base value nears a bound it cannot pass
// (100 % coverage), so that small moves close to the bound still count. Shared by StatCan and EUSTAT.
import { pythonPow } from './python-pow.ts';

/** a = 4.44 is the exponent in sdg-build's code (Statistics Canada methodology). */
const LIMIT_EXPONENT = 4.44;

export function naturalLimitCoefficient(baseValue: number, limitValue: number): number {
  const b = Math.abs(baseValue);
  const l = Math.abs(limitValue);
  // Tested first, as in the peer, so that a limit of 0 (the floor of most rates) leaves the thresholds alone.
  if (b >= 2 * l) return 1;
  if (b <= l) return 1 - pythonPow(b / l, LIMIT_EXPONENT);
  return 1 - pythonPow((2 * l - b) / l, LIMIT_EXPONENT);
}
