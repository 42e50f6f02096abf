// Restores a tenant's backup (backup-tenant.ts) in one transaction. A tenant already present is refused unless the
// operator asks to replace it: then its rows are removed and the backup's written in their place, under the tenant's
// own id; its audit log stays (append-only), the backup's entries it does not hold are appended, and the replacement
// is audited. Accounts come back without passwords: each active administrator gets a one-time password (returned
// once, to be changed at first login); the others are given one by an administrator.
import { Conflict, Forbidden } from '../../core/errors.ts';
import type { Queryable } from '../../storage/db.ts';
import {
  setDeferred,
  tablesOf,
  writeTable,
  type Deferred,
  type TableRows,
} from '../../storage/repositories/tenant-tables-repo.ts';
import { writeAudit } from '../audit.ts';
import { hashPassword, newToken } from '../auth/secrets.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { NO_PASSWORD } from './import-plan-document.ts';
import { checkTenantBounds, parseTableDocument, readyToLoad, TENANT_BACKUP_FORMAT } from './table-document.ts';

export interface RestoreResult {
  tenant: string;
  replaced: boolean;
  rows: Record<string, number>;
  /** One-time passwords of the active administrators, by e-mail: shown once. */
  oneTimePasswords: { email: string; password: string }[];
}

export async function restoreTenant({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { text: string; replace?: boolean };
}): Promise<RestoreResult> {
  // The operator on the machine restores any tenant; a tenant's administrator only replaces their own tenant.
  if (ctx.actor.kind !== 'system') authorize(ctx.actor, 'tenant.backup');
  if (ctx.actor.kind === 'public') throw new Forbidden();
  const doc = parseTableDocument(input.text, TENANT_BACKUP_FORMAT);
  if (ctx.actor.kind === 'user') {
    const [own] = await ctx.db.query<{ code: string }>('SELECT code FROM tenants WHERE id = $1', [ctx.actor.tenantId]);
    if (own?.code !== doc.tenant) throw new Forbidden();
  }
  const users = doc.tables.users ?? { columns: [], rows: [] };
  const roles = doc.tables.user_roles ?? { columns: [], rows: [] };
  const col = (t: TableRows, c: string): number => t.columns.indexOf(c);
  const admins = new Set(
    roles.rows.filter((r) => r[col(roles, 'role')] === 'admin').map((r) => r[col(roles, 'user_id')]),
  );
  // Hashed before the transaction: argon2 is slow on purpose.
  const passwords = new Map<string, { email: string; password: string; hash: string }>();
  for (const u of users.rows) {
    const id = u[col(users, 'id')] ?? '';
    if (!admins.has(id) || u[col(users, 'active')] !== 'true') continue;
    const password = newToken().slice(0, 20);
    passwords.set(id, { email: u[col(users, 'email')] ?? '', password, hash: await hashPassword(password) });
  }
  return ctx.db.transaction(async (tx) => {
    await readyToLoad(tx, doc);
    const [held] = await tx.query<{ id: string }>('SELECT id FROM tenants WHERE code = $1', [doc.tenant]);
    if (held !== undefined && input.replace !== true)
      throw new Conflict('tenant_exists', {
        vi: `Địa phương "${doc.tenant}" đã có trong cơ sở dữ liệu; thêm --replace để thay toàn bộ dữ liệu của nó bằng bản sao lưu`,
        en: `Tenant "${doc.tenant}" already exists; add --replace to replace all its data with the backup`,
      });
    const tenantId = held?.id ?? null;
    let kept = new Set<string>();
    if (tenantId !== null) kept = await removeTenantRows(tx, tenantId);
    const order = tablesOf('tenant');
    const deferred: Deferred[] = [];
    const rows: Record<string, number> = {};
    const written: Record<string, TableRows> = {};
    for (const name of order) {
      const found = doc.tables[name];
      if (found === undefined) continue;
      let data = tenantId === null ? found : underTenant(found, name, tenantId);
      if (name === 'tenants' && tenantId !== null) {
        await tx.query('UPDATE tenants SET name = $2, unit_code = $3, settings = $4::jsonb WHERE id = $1', [
          tenantId,
          ...['name', 'unit_code', 'settings'].map((c) => data.rows[0]?.[data.columns.indexOf(c)] ?? null),
        ]);
        continue;
      }
      if (name === 'audit_log') data = { ...data, rows: data.rows.filter((r) => !kept.has(auditKey(found, r))) };
      if (name === 'users') data = withoutPasswordChange(data);
      const extra =
        name === 'users'
          ? {
              columns: ['password_hash'],
              values: (r: (string | null)[]) => [passwords.get(r[col(users, 'id')] ?? '')?.hash ?? NO_PASSWORD],
            }
          : null;
      deferred.push(await writeTable(tx, name, data, order, extra));
      rows[name] = data.rows.length;
      written[name] = data;
    }
    for (const d of deferred) await setDeferred(tx, d);
    const [t] = await tx.query<{ id: string }>('SELECT id FROM tenants WHERE code = $1', [doc.tenant]);
    await checkTenantBounds(tx, written, t?.id ?? '');
    await writeAudit(tx, ctx, {
      tenantId: t?.id ?? '',
      action: tenantId === null ? 'restore' : 'replace',
      entity: 'tenant',
      entityId: t?.id ?? null,
      after: { format: doc.format, schema: doc.schema, rows },
      reason: 'tenant backup restored',
    });
    return {
      tenant: doc.tenant,
      replaced: tenantId !== null,
      rows,
      oneTimePasswords: [...passwords.values()].map(({ email, password }) => ({ email, password })),
    };
  });
}

/** Every restored account must set its own password at its next login. */
function withoutPasswordChange(t: TableRows): TableRows {
  const at = t.columns.indexOf('must_change_password');
  return { ...t, rows: t.rows.map((r) => r.map((v, i) => (i === at ? 'true' : v))) };
}

/** The backup's rows under the id of the tenant they replace. */
function underTenant(t: TableRows, table: string, tenantId: string): TableRows {
  const at = t.columns.indexOf(table === 'tenants' ? 'id' : 'tenant_id');
  return at < 0 ? t : { ...t, rows: t.rows.map((r) => r.map((v, i) => (i === at ? tenantId : v))) };
}

const auditKey = (t: TableRows, r: (string | null)[]): string =>
  ['at', 'actor_label', 'action', 'entity', 'entity_id'].map((c) => r[t.columns.indexOf(c)] ?? '').join('\u0000');

/**
 * Removes a tenant's rows before its backup replaces them, and returns the keys of its audit entries (kept: the log
 * is append-only). Figure versions, stories and progress reports are append-only too: their guards are lifted for
 * this transaction only (other sessions wait on the tables' locks until it ends).
 */
async function removeTenantRows(tx: Queryable, tenantId: string): Promise<Set<string>> {
  await tx.query('DELETE FROM sessions WHERE tenant_id = $1', [tenantId]);
  await tx.query('DELETE FROM jobs WHERE tenant_id = $1', [tenantId]);
  await tx.query('UPDATE documents SET plan_id = NULL WHERE tenant_id = $1', [tenantId]);
  const guarded = (
    await tx.query<{ name: string }>(
      `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relname <> 'audit_log' AND c.relnamespace = to_regnamespace(current_schema())`,
    )
  ).map((r) => r.name);
  for (const name of guarded) await tx.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
  for (const name of tablesOf('tenant').reverse()) {
    if (name === 'audit_log' || name === 'tenants') continue;
    await tx.query(`DELETE FROM ${name} WHERE tenant_id = $1`, [tenantId]);
  }
  for (const name of guarded) await tx.query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
  const audit = await tx.query<Record<string, string | null>>(
    `SELECT at::text AS at, actor_label, action, entity, entity_id FROM audit_log WHERE tenant_id = $1`,
    [tenantId],
  );
  const cols = { columns: ['at', 'actor_label', 'action', 'entity', 'entity_id'], rows: [] };
  return new Set(
    audit.map((a) =>
      auditKey(cols, [a.at ?? null, a.actor_label ?? null, a.action ?? null, a.entity ?? null, a.entity_id ?? null]),
    ),
  );
}
