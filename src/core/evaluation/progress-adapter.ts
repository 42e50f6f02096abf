// The seam between chitieu's evaluation and the named peer progress methods (core/progress-methods): the engine
// sends yearly points and the target, and keeps the peer's own category beside chitieu's track.
import { ValidationError } from '../errors.ts';
import { runProgressMethod } from '../progress-methods/index.ts';
import type { ProgressInput, ProgressMethodName, ProgressResult } from '../progress-methods/types.ts';

export const DEFAULT_PROGRESS_METHOD = 'chitieu_default';

const PEER_METHODS: readonly ProgressMethodName[] = [
  'statcan_opensdg',
  'un_progress_chart_cr',
  'un_2023_expected_value',
  'eustat_eurostat_variant',
];

export type PeerRunner = (name: ProgressMethodName, input: ProgressInput) => ProgressResult;

let runner: PeerRunner | undefined = runProgressMethod;

/** Replaces the peer methods' runner (by default core/progress-methods' runProgressMethod), e.g. with a newer build. */
export function registerProgressMethods(run: PeerRunner): void {
  runner = run;
}

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
  if (runner === undefined) {
    throw new ValidationError(
      { vi: `Phương pháp ${name} chưa được cài đặt`, en: `Progress method ${name} is not available` },
      [],
      'progress_method_unavailable',
      { progressMethod: name },
    );
  }
  return runner(name, input);
}
