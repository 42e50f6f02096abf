// Request and response shapes shared by every route: `?limit&cursor` paging, ids, codes, decimals, periods.
import { FIGURE_TEXT_MAX } from '../../core/checks/figure-text.ts';
import Type from 'typebox';

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 400, pattern: '^[A-Za-z0-9_-]*$' })),
};

/** `?sort=field` or `?sort=-field` (descending), on the lists that sort; an unknown field is a 400 naming it. */
export const SortQuery = {
  sort: Type.Optional(Type.String({ maxLength: 40, pattern: '^-?[A-Za-z][A-Za-z0-9_]*$' })),
};

export const Common = {
  id: Type.String({ format: 'uuid' }),
  code: Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
  text: (max: number) => Type.String({ maxLength: max }),
  // Decimals travel as strings with a dot ("1.5"), so no binary float ever touches a figure.
  decimal: Type.String({ pattern: '^-?\\d{1,20}(\\.\\d{1,12})?$', maxLength: 40 }),
  period: Type.String({ pattern: '^(19|20|21)\\d{2}(-(Q[1-4]|H[12]|M(0[1-9]|1[0-2])|9M))?$', maxLength: 10 }),
};

/**
 * A figure as the source writes it: a decimal ("14.5", "14,5"), a range ("8,3–8,5"), a bound ("< 3,5") or a count of
 * a total ("102/275"). Only the length is checked here: core/checks/figure-text.ts reads it and names what is wrong.
 */
export const FigureValue = Type.String({ minLength: 1, maxLength: FIGURE_TEXT_MAX });

export const pageSchema = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
