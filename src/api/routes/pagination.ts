// Request and response shapes shared by every route: `?limit&cursor` paging, ids, codes, decimals, periods.
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

export const pageSchema = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
