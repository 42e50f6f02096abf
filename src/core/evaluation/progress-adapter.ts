// The seam between chitieu's evaluation and the named peer progress methods (core/progress-methods): the engine
// sends yearly points and the target, and keeps the peer's own category beside chitieu's track.
import { ValidationError } from '../errors.ts';
import { PROGRESS_METHODS, runProgressMethod } from '../progress-methods/index.ts';
import type { ProgressInput, ProgressMethodName, ProgressResult } from '../progress-methods/types.ts';

export const DEFAULT_PROGRESS_METHOD = 'chitieu_default';

// Every named method that reads a series of levels; UNDP's 8.1.1 rule reads growth rates, which no level kind has.
const PEER_METHODS: readonly ProgressMethodName[] = PROGRESS_METHODS.map((m) => m.name).filter(
  (n) => n !== 'undp_growth_rate_811',
);

export function isPeerMethod(name: string): name is ProgressMethodName {
  return (PEER_METHODS as readonly string[]).includes(name);
}

/** Refuses an unknown method name up front, so a typo never silently falls back to the default. */
export function checkProgressMethod(name: string): void {
  if (name === DEFAULT_PROGRESS_METHOD || isPeerMethod(name)) return;
  throw new ValidationError(
    { vi: `Phương pháp đánh giá tiến độ "${name}" không tồn tại`, en: `Unknown progress method "${name}"` },
    [
      {
        path: 'progressMethod',
        reason: {
          vi: `dùng ${DEFAULT_PROGRESS_METHOD} hoặc ${PEER_METHODS.join(', ')}`,
          en: `use ${DEFAULT_PROGRESS_METHOD} or ${PEER_METHODS.join(', ')}`,
        },
      },
    ],
    'unknown_progress_method',
    { progressMethod: name },
  );
}

export function runPeerMethod(name: ProgressMethodName, input: ProgressInput): ProgressResult {
  return runProgressMethod(name, input);
}
