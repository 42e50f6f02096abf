// The few reference writes the API offers: add an agency, name the agency that owns an indicator (admin, plan owner).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { assignIndicatorAgency } from '../../services/reference/assign-indicator-agency.ts';
import { createAgency, type CreateAgencyInput } from '../../services/reference/create-agency.ts';
import { assignOwnerAgency } from '../../services/reference/assign-owner-agency.ts';
import { IdParams } from './observations.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

export async function referenceWriteRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/agencies',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary: 'Add an agency to your tenant (admin, plan owner)',
        body: Type.Object(
          { code: Common.code, name: Type.String({ minLength: 1, maxLength: 300 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createAgency({ ctx: contextOf(runtime, req), input: req.body as CreateAgencyInput })),
  );
  api.patch(
    '/indicators/:id',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags: ['reference'],
        summary:
          "Name the agency that owns an indicator (its editors may then enter the indicator's figures); null clears it",
        params: IdParams,
        body: Type.Object({ ownerAgencyId: Type.Union([Common.id, Type.Null()]) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Type.String(), ownerAgencyId: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req) =>
      assignIndicatorAgency({
        ctx: contextOf(runtime, req),
        input: {
          id: (req.params as { id: string }).id,
          ownerAgencyId: (req.body as { ownerAgencyId: string | null }).ownerAgencyId,
        },
      }),
  );
  for (const kind of ['task', 'project'] as const) {
    api.patch(
      `/${kind}s/:id`,
      {
        config: { action: 'reference.manage' },
        schema: {
          tags: ['reference'],
          summary: `Name the agency that owns a ${kind} (its editors report its progress; requests for explanation go to it); null clears it`,
          params: IdParams,
          body: Type.Object({ ownerAgencyId: Type.Union([Common.id, Type.Null()]) }, { additionalProperties: false }),
          response: {
            200: Type.Object({ id: Type.String(), ownerAgencyId: Type.Union([Type.String(), Type.Null()]) }),
          },
        },
      },
      async (req) =>
        assignOwnerAgency({
          ctx: contextOf(runtime, req),
          input: {
            kind,
            id: (req.params as { id: string }).id,
            ownerAgencyId: (req.body as { ownerAgencyId: string | null }).ownerAgencyId,
          },
        }),
    );
  }
}
