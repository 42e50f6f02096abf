// Accounts: an admin creates users of their tenant.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Runtime } from '../../runtime.ts';
import { ROLES } from '../../services/context.ts';
import { createUser, type CreateUserInput } from '../../services/users/create-user.ts';
import { Common } from './pagination.ts';
import { contextOf } from './route-table.ts';
import { IdParams } from './observations.ts';
import { resetPassword, updateUser, type UpdateUserInput } from '../../services/users/update-user.ts';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
const UserSchema = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  commune: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()], {
    description: 'a commune editor’s commune',
  }),
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
});

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
            roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { minItems: 1, maxItems: 7 }),
            agencyId: Type.Optional(Type.Union([Common.id, Type.Null()])),
            unitCode: Type.Optional(
              Type.Union([
                Type.String({ pattern: '^[0-9]{5}$', description: 'a commune editor’s commune (unit code)' }),
                Type.Null(),
              ]),
            ),
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
  api.patch(
    '/users/:id',
    {
      config: { action: 'user.manage' },
      schema: {
        tags: ['users'],
        summary:
          "Change an account (admin): name, roles, agency, active; deactivating or changing roles ends the account's sessions",
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: 7 })),
            agencyId: Type.Optional(Type.Union([Common.id, Type.Null()])),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UserSchema },
      },
    },
    async (req) =>
      updateUser({
        ctx: contextOf(runtime, req),
        input: { ...(req.body as Omit<UpdateUserInput, 'id'>), id: (req.params as { id: string }).id },
      }),
  );
  api.post(
    '/users/:id/password',
    {
      config: { action: 'user.manage' },
      schema: {
        tags: ['users'],
        summary:
          'Reset the password of an account (admin): a one-time password to change at the next login; its sessions end',
        params: IdParams,
        body: Type.Object(
          { password: Type.String({ minLength: 12, maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.String(), sessionsEnded: Type.Integer() }) },
      },
    },
    async (req) =>
      resetPassword({
        ctx: contextOf(runtime, req),
        input: { id: (req.params as { id: string }).id, password: (req.body as { password: string }).password },
      }),
  );
}
