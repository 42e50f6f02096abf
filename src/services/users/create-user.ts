// An admin creates an account in their own tenant (e-mails are unique per tenant), with roles and (for agency editors) an agency of that tenant.
import { ChitieuError, NotFound, ValidationError } from '../../core/errors.ts';
import { emailTakenInTenant, insertUser } from '../../storage/repositories/users-repo.ts';
import { writeAudit } from '../audit.ts';
import { hashPassword } from '../auth/secrets.ts';
import { nfc } from '../auth/text.ts';
import type { Role, ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export class EmailTaken extends ChitieuError {
  constructor(email: string) {
    super(
      'email_taken',
      'conflict',
      {
        vi: `Đơn vị đã có tài khoản với e-mail ${email}`,
        en: `This tenant already has an account with the e-mail ${email}`,
      },
      { issues: [{ path: 'body/email', reason: { vi: 'đã có trong đơn vị', en: 'already in this tenant' } }] },
    );
  }
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  agencyId?: string | null;
  /** A commune editor's commune, by its unit code ("90001"); required for that role. */
  unitCode?: string | null;
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
  if (input.roles.includes('commune_editor') && !input.unitCode) {
    throw new ValidationError(
      { vi: 'Biên tập viên cấp xã cần có xã, phường', en: 'A commune editor needs a commune' },
      [{ path: 'body/unitCode', reason: { vi: 'bắt buộc', en: 'required' } }],
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
    // The commune: a commune-level unit of this tenant in force today (never a province).
    let unitId: string | null = null;
    if (input.unitCode) {
      const today = ctx.now().toISOString().slice(0, 10);
      const found = await tx.query<{ id: string }>(
        `SELECT id FROM units WHERE tenant_id = $1 AND code = $2 AND level <> 'province'
            AND (valid_from IS NULL OR valid_from <= $3) AND (valid_to IS NULL OR valid_to >= $3)`,
        [tenantId, input.unitCode, today],
      );
      unitId = found[0]?.id ?? null;
      if (unitId === null)
        throw new NotFound({ vi: `xã, phường mã ${input.unitCode}`, en: `Commune ${input.unitCode}` });
    }
    // E-mails are unique within a tenant only (0005): an account of the same e-mail in another tenant is no
    // conflict, so nothing here tells an admin what exists outside their tenant.
    if (await emailTakenInTenant(tx, tenantId, email)) throw new EmailTaken(email);
    const id = await insertUser(tx, {
      tenantId,
      email,
      displayName: nfc(input.displayName),
      passwordHash,
      agencyId: input.agencyId ?? null,
      unitId,
      mustChangePassword: false,
      roles: [...new Set(input.roles)],
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: 'user',
      entityId: id,
      after: { email, roles: input.roles, agencyId: input.agencyId ?? null, unitCode: input.unitCode ?? null },
    });
    return { id };
  });
}
