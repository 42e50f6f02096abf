// Request and response schemas of the shared word lists, built from core/vocabulary so a route never re-types a list.
import Type from 'typebox';
import {
  DATA_BASES,
  EVALUATION_STATUSES,
  EXCEEDED_AS,
  OBSERVATION_STATUSES,
  PHASES,
  TARGET_KINDS,
  VINTAGE_KINDS,
  WORKFLOW_STATES,
} from '../../core/vocabulary.ts';

/** One literal per word, as OpenAPI `anyOf` of `const`s, so clients see the closed list. */
export const oneOf = (words: readonly string[]) => Type.Union(words.map((w) => Type.Literal(w)));

export const Vocabulary = {
  evaluationStatus: oneOf(EVALUATION_STATUSES),
  phase: oneOf(PHASES),
  exceededAs: oneOf(EXCEEDED_AS),
  targetKind: oneOf(TARGET_KINDS),
  observationStatus: oneOf(OBSERVATION_STATUSES),
  workflowState: oneOf(WORKFLOW_STATES),
  vintageKind: oneOf(VINTAGE_KINDS),
  dataBasis: oneOf(DATA_BASES),
};
