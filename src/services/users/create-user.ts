// An admin creates an account in their own tenant, with roles and (for agency editors) an agency of that tenant.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { insertUser } from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import { hashPassword } from '../auth/secrets.ts';
import { nfc } from '../auth/text.ts';
import type { Role, ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export interface CreateUserInput {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  agencyId?: string | null;
}

export async function createUser({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateUserInput;
}): Promise<{ id: string }> {
  authorize(ctx.actor, 'user.manage');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound({ vi: 'đơn vị', en: 'Tenant' });
  if (input.roles.includes('agency_editor') && !input.agencyId) {
    throw new ValidationError(
      { vi: 'Biên tập viên của cơ quan cần có cơ quan', en: 'An agency editor needs an agency' },
      [{ path: 'body/agencyId', reason: { vi: 'bắt buộc', en: 'required' } }],
    );
  }
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  return ctx.db.transaction(async (tx) => {
    if (
      input.agencyId &&
      (await tx.query('SELECT 1 FROM agencies WHERE tenant_id = $1 AND id = $2', [tenantId, input.agencyId])).length ===
        0
    ) {
      throw new NotFound({ vi: 'cơ quan', en: 'Agency' });
    }
    const id = await insertUser(tx, {
      tenantId,
      email,
      displayName: nfc(input.displayName),
      passwordHash,
      agencyId: input.agencyId ?? null,
      mustChangePassword: false,
      roles: [...new Set(input.roles)],
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: 'user',
      entityId: id,
      after: { email, roles: input.roles, agencyId: input.agencyId ?? null },
    });
    return { id };
  });
}
