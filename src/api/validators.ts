// Request validation, one ajv per kind of input. Querystrings, path parameters and headers arrive as text, so
// their validator coerces ("50" → 50, "a" → ["a"]); a JSON body already has types, and coercing them would let
// `"value": 1.5` (a binary float) pass as the decimal string "1.5" or a number become a `reason`. The body's
// validator therefore coerces nothing: a wrong type is a 400 naming the field.
import { Ajv, type Options } from 'ajv';
// ajv-formats is CommonJS: under NodeNext its function is the default export's `default`.
import ajvFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';

// Unknown fields are rejected (additionalProperties: false in every schema), never silently dropped.
const COMMON: Options = { removeAdditional: false, allErrors: true, useDefaults: true };

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ ...COMMON, coerceTypes: coerce ? 'array' : false });
  ajvFormats.default(ajv);
  return ajv;
}

export function registerValidators(app: FastifyInstance): void {
  const text = makeAjv(true);
  const body = makeAjv(false);
  app.setValidatorCompiler<FastifySchema>(({ schema, httpPart }) =>
    (httpPart === 'body' ? body : text).compile(schema as object),
  );
}
