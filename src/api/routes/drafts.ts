// Drafting a plan from a resolution: the plan owner posts the text or the file (.txt, .docx, a PDF with a text layer)
// and gets the draft back to review; nothing is saved until the reviewed items are accepted into a new plan.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ValidationError } from '../../core/errors.ts';
import { checkPlanFormat } from '../../imports/dataset-folder.ts';
import { documentText } from '../../imports/document-text.ts';
import type { Runtime } from '../../runtime.ts';
import { acceptDraft, type AcceptDraftInput } from '../../services/drafts/accept-draft.ts';
import { DRAFT_TEXT_MAX, draftPlanFromText } from '../../services/drafts/draft-plan-from-text.ts';
import { contextOf } from './route-table.ts';

/** A resolution as a file: 10 MB is far above any resolution's .docx or PDF. */
const DRAFT_FILE_MAX = 10 * 1024 * 1024;

export async function draftRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/drafts',
    {
      config: { action: 'plan.draft' },
      bodyLimit: Math.max(DRAFT_TEXT_MAX * 4, Math.ceil(DRAFT_FILE_MAX / 3) * 4) + 4096,
      schema: {
        tags: ['drafts'],
        summary:
          "Draft a plan (targets with kinds, bounds, units, years and text spans) from a resolution's text or file",
        description:
          'Send either `text`, or `file` (the name and the bytes in base64 of a .txt, .docx or text-layer PDF; the ' +
          'kind is read from the content). Nothing is saved.',
        body: Type.Object(
          {
            text: Type.Optional(Type.String({ minLength: 1, maxLength: DRAFT_TEXT_MAX })),
            file: Type.Optional(
              Type.Object(
                {
                  name: Type.String({ minLength: 1, maxLength: 255 }),
                  contentBase64: Type.String({ minLength: 1, maxLength: Math.ceil(DRAFT_FILE_MAX / 3) * 4 }),
                },
                { additionalProperties: false },
              ),
            ),
            term: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{4}$' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const body = req.body as { text?: string; file?: { name: string; contentBase64: string }; term?: string };
      if ((body.text === undefined) === (body.file === undefined)) {
        throw new ValidationError(
          { vi: 'Gửi văn bản hoặc tệp, một trong hai', en: 'Send either the text or the file, not both' },
          [{ path: '/text', reason: { vi: 'cần đúng một trong text, file', en: 'exactly one of text, file' } }],
        );
      }
      const text = body.file
        ? await documentText(body.file.name, Buffer.from(body.file.contentBase64, 'base64'))
        : (body.text ?? '');
      const draft = draftPlanFromText({
        ctx: contextOf(runtime, req),
        input: { text, ...(body.term ? { term: body.term } : {}) },
      });
      // The text comes back with the draft so the review page can show every span in place (the file was binary).
      return body.file ? { ...draft, text } : draft;
    },
  );

  api.post(
    '/drafts/accept',
    {
      config: { action: 'plan.create' },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['drafts'],
        summary: 'Create a plan from the reviewed items of a draft (all or nothing, checked like a dataset file)',
        body: Type.Object(
          {
            plan: Type.Object(
              {
                code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
                name: Type.String({ minLength: 1, maxLength: 500 }),
                term: Type.Object(
                  {
                    firstYear: Type.Integer({ minimum: 1900, maximum: 2200 }),
                    lastYear: Type.Integer({ minimum: 1900, maximum: 2200 }),
                  },
                  { additionalProperties: false },
                ),
                document: Type.Object(
                  {
                    kind: Type.String({ minLength: 1, maxLength: 60 }),
                    title: Type.String({ minLength: 1, maxLength: 500 }),
                    number: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
                    date: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
                    issuer: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
                  },
                  { additionalProperties: false },
                ),
              },
              { additionalProperties: false },
            ),
            items: Type.Array(
              Type.Object(
                {
                  code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9.\\-]{0,30}$' }),
                  parent: Type.Union([Type.String({ maxLength: 31 }), Type.Null()]),
                  name: Type.String({ minLength: 1, maxLength: 1000 }),
                  unit: Type.String({ maxLength: 100 }),
                  quote: Type.String({ minLength: 1, maxLength: 5000 }),
                  line: Type.Integer({ minimum: 1 }),
                  lineEnd: Type.Integer({ minimum: 1 }),
                  spec: Type.Object({ kind: Type.String() }, { additionalProperties: true }),
                },
                { additionalProperties: false },
              ),
              { maxItems: 2000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ plan: Type.String(), indicators: Type.Integer(), targets: Type.Integer() }),
        },
      },
    },
    async (req, reply) => {
      const result = await acceptDraft({
        ctx: contextOf(runtime, req),
        input: req.body as unknown as AcceptDraftInput,
        checkFormat: checkPlanFormat,
      });
      return reply.code(201).send(result);
    },
  );
}
