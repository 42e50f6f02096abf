// Accounts: an admin creates users of their tenant.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { ROLES } from '../../services/context.ts';
import { createUser, type CreateUserInput } from '../../services/users/create-user.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';

export async function userRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  api.post(
    '/users',
    {
      config: { action: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create an account (admin)',
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' }),
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 12, maxLength: 256 }),
            roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { minItems: 1, maxItems: 6 }),
            agencyId: Type.Optional(Type.Union([Common.id, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (req, reply) => {
      const r = await createUser({ ctx: contextOf(runtime, req), input: req.body as CreateUserInput });
      return reply.status(201).send(r);
    },
  );
}
