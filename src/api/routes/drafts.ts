// Drafting a plan from a resolution's text: the plan owner posts the text and gets the draft back to review. Nothing
// is saved; the web app's review page builds on this answer.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { DRAFT_TEXT_MAX, draftPlanFromText, type DraftPlanInput } from '../../services/drafts/draft-plan-from-text.ts';
import { contextOf } from './route-table.ts';

export async function draftRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/drafts',
    {
      config: { action: 'plan.draft' },
      bodyLimit: DRAFT_TEXT_MAX * 4 + 1024,
      schema: {
        tags: ['drafts'],
        summary: "Draft a plan (targets with kinds, bounds, units, years and text spans) from a resolution's text",
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: DRAFT_TEXT_MAX }),
            term: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{4}$' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => draftPlanFromText({ ctx: contextOf(runtime, req), input: req.body as DraftPlanInput }),
  );
}
