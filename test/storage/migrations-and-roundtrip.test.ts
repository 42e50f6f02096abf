import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/storage/db.ts';
import { listMigrations, migrate } from '../../src/storage/migrate.ts';
import { createTenant, testDatabases } from '../helpers/databases.ts';

const VI = 'Tốc độ tăng trưởng GRDP bình quân — Hải Phòng, Hải Dương: Đạt/Vượt/Không đạt';

describe.each(testDatabases)('storage on $name', (tdb) => {
  let db: Db;
  beforeAll(async () => {
    db = await tdb.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies every migration on an empty database, and a second run applies nothing', async () => {
    const first = await migrate(db);
    expect(first).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(listMigrations().length);
  });

  it('runs a named read as a statement PostgreSQL keeps per connection, with the same and always current answer', async () => {
    await migrate(db);
    const t = await createTenant(db, 'named');
    const sql = 'SELECT name FROM tenants WHERE id = $1';
    const read = (q: Pick<Db, 'query'>) => q.query<{ name: string }>(sql, [t.id], { prepare: 'test-tenant-name' });
    const plain = await db.query<{ name: string }>(sql, [t.id]);
    expect(await read(db)).toEqual(plain);
    await db.query("UPDATE tenants SET name = 'Tên sau khi đổi' WHERE id = $1", [t.id]);
    expect((await read(db))[0]?.name).toBe('Tên sau khi đổi');
    // Inside a transaction (one connection): the statement is kept there under its name (PostgreSQL only).
    await db.transaction(async (tx) => {
      expect((await read(tx))[0]?.name).toBe('Tên sau khi đổi');
      const kept = await tx.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 'test-tenant-name'",
      );
      expect(kept[0]?.n).toBe(db.kind === 'postgres' ? 1 : 0);
    });
  });

  it('gives each figure write one index entry per access path: no duplicate of the slot key or the version key (0021)', async () => {
    await migrate(db);
    const rows = await db.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
          AND tablename IN ('observations', 'observation_versions') ORDER BY tablename, indexname`,
    );
    expect(rows.map((r) => r.indexdef.replace(/ ON \S+ USING/, ' ON USING'))).toEqual([
      'CREATE UNIQUE INDEX observation_versions_observation_id_seq_key ON USING btree (observation_id, seq)',
      'CREATE UNIQUE INDEX observation_versions_pkey ON USING btree (id)',
      'CREATE INDEX observations_indicator_period ON USING btree (tenant_id, indicator_id, period, id)',
      'CREATE UNIQUE INDEX observations_pkey ON USING btree (id)',
      'CREATE UNIQUE INDEX observations_tenant_id_indicator_id_unit_id_period_key ON USING btree (tenant_id, indicator_id, unit_id, period) INCLUDE (id)',
    ]);
  });

  // login_throttle counts login attempts per account and per address before any tenant is known (0005).
  const NOT_TENANT_DATA = ['schema_migrations', 'login_throttle'];

  it('gives every domain table a tenant column', async () => {
    const rows = await db.query<{ table_name: string }>(
      `SELECT t.table_name FROM information_schema.tables t
        WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND t.table_name <> ALL($1)
          AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                           WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'tenant_id')`,
      [NOT_TENANT_DATA],
    );
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });

  it('round-trips every entity with Vietnamese text in NFC and exact decimals', async () => {
    const tenant = await createTenant(db);
    const t = tenant.id;
    const one = async (sql: string, params: unknown[]): Promise<string> =>
      ((await db.query<{ id: string }>(sql, params))[0] as { id: string }).id;
    const doc = await one(
      `INSERT INTO documents (tenant_id, kind, number, issued_on, issuer, title) VALUES ($1,'congress_resolution','01-NQ/ĐH','2025-10-15','Đại hội Đảng bộ thành phố',$2) RETURNING id`,
      [t, VI],
    );
    const city = await one(
      `INSERT INTO units (tenant_id, code, name, level, valid_from) VALUES ($1,'31','Thành phố Hải Phòng','province','2025-07-01') RETURNING id`,
      [t],
    );
    const former = await one(
      `INSERT INTO units (tenant_id, code, name, level, valid_from, valid_to) VALUES ($1,'30','Tỉnh Hải Dương','province','1997-01-01','2025-06-30') RETURNING id`,
      [t],
    );
    await db.query(
      `INSERT INTO unit_lineage (tenant_id, from_unit_id, to_unit_id, event, effective_on, document_id) VALUES ($1,$2,$3,'merged_into','2025-07-01',$4)`,
      [t, former, city, doc],
    );
    const agency = await one(
      `INSERT INTO agencies (tenant_id, code, name) VALUES ($1,'stc','Sở Tài chính') RETURNING id`,
      [t],
    );
    const plan = await one(
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year, document_id) VALUES ($1,'p-2025-2030',$2,$3,2026,2030,$4) RETURNING id`,
      [t, VI, city, doc],
    );
    const ind = await one(
      `INSERT INTO indicators (tenant_id, plan_id, code, name, unit_of_measure, measure, price_basis, owner_agency_id) VALUES ($1,$2,'1',$3,'%/năm','growth_rate','comparable_2010',$4) RETURNING id`,
      [t, plan, VI, agency],
    );
    const target = await one(
      `INSERT INTO targets (tenant_id, plan_id, indicator_id, unit_id, kind, spec, text, first_year, last_year) VALUES ($1,$2,$3,$4,'growth_average',$5,'14-14,5%/năm',2026,2030) RETURNING id`,
      [t, plan, ind, city, JSON.stringify({ kind: 'growth_average', min: '14', max: '14.5' })],
    );
    await db.query(`INSERT INTO target_milestones (tenant_id, target_id, year, value) VALUES ($1,$2,2026,'14.0')`, [
      t,
      target,
    ]);
    const obs = await one(
      `INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,'2026') RETURNING id`,
      [t, ind, city],
    );
    const values = ['118079.28', '0.3', '-0.000001', '12345678901234567890.123456789'];
    for (const [i, v] of values.entries()) {
      await db.query(
        `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, value_text) VALUES ($1,$2,$3,$4,'estimate','ước')`,
        [t, obs, i + 1, v],
      );
    }
    const sum = await db.query<{ s: string }>(`SELECT ('0.1'::numeric + '0.2'::numeric)::text AS s`);
    expect(sum[0]?.s).toBe('0.3');
    const back = await db.query<{ value: string; value_text: string }>(
      'SELECT value, value_text FROM observation_versions WHERE observation_id = $1 ORDER BY seq',
      [obs],
    );
    expect(back.map((r) => r.value)).toEqual(values);
    const ver = await one(`SELECT id FROM observation_versions WHERE observation_id = $1 AND seq = 1`, [obs]);
    await db.query(
      `INSERT INTO observation_reviews (tenant_id, observation_id, version_id, action, comment) VALUES ($1,$2,$3,'return','Đề nghị bổ sung nguồn số liệu')`,
      [t, obs, ver],
    );
    const ev = await one(
      `INSERT INTO evaluations (tenant_id, target_id, unit_id, as_of, data_basis, status, actual_value, result) VALUES ($1,$2,$3,'2026-12-31','approved','on_track','14.2','{}') RETURNING id`,
      [t, target, city],
    );
    await db.query(
      `INSERT INTO evaluation_changes (tenant_id, target_id, after_evaluation_id, new_status, new_value) VALUES ($1,$2,$3,'met','14.2')`,
      [t, target, ev],
    );
    await db.query(
      `INSERT INTO evaluation_overrides (tenant_id, target_id, status, reason) VALUES ($1,$2,'met','Theo kết luận của Ban Thường vụ')`,
      [t, target],
    );
    const task = await one(
      `INSERT INTO tasks (tenant_id, plan_id, code, title, owner_agency_id, deadline) VALUES ($1,$2,'1.1',$3,$4,'2030-12-31') RETURNING id`,
      [t, plan, VI, agency],
    );
    await db.query(`INSERT INTO task_agencies (tenant_id, task_id, agency_id, role) VALUES ($1,$2,$3,'lead')`, [
      t,
      task,
      agency,
    ]);
    await db.query(`INSERT INTO task_indicators (tenant_id, task_id, indicator_id) VALUES ($1,$2,$3)`, [t, task, ind]);
    await db.query(
      `INSERT INTO task_progress_reports (tenant_id, task_id, period, progress_percent, narrative) VALUES ($1,$2,'2026-Q1','12.5','Đã hoàn thành bước chuẩn bị')`,
      [t, task],
    );
    const bt = await one(
      `INSERT INTO breakthroughs (tenant_id, plan_id, code, title) VALUES ($1,$2,'1','Đột phá về thể chế') RETURNING id`,
      [t, plan],
    );
    await db.query(
      `INSERT INTO breakthrough_links (tenant_id, breakthrough_id, entity, entity_id) VALUES ($1,$2,'task',$3)`,
      [t, bt, task],
    );
    const proj = await one(
      `INSERT INTO projects (tenant_id, plan_id, list_no, code, title, role, budget_amount, status, project_type) VALUES ($1,$2,1,'1-1','Cảng cửa ngõ quốc tế Hải Phòng','lead','118079.28','implementation','construction') RETURNING id`,
      [t, plan],
    );
    await db.query(
      `INSERT INTO project_milestones (tenant_id, project_id, code, title, due_date) VALUES ($1,$2,'m1','Khởi công','2026-09-02')`,
      [t, proj],
    );
    await db.query(
      `INSERT INTO project_progress (tenant_id, project_id, period, physical_actual_percent, disbursed) VALUES ($1,$2,'2026','35.5','0.1')`,
      [t, proj],
    );
    await db.query(
      `INSERT INTO quality_notes (tenant_id, entity, entity_id, text) VALUES ($1,'indicator',$2,'Chú thích 109 ghi 11,8%')`,
      [t, ind],
    );
    await db.query(
      `INSERT INTO price_basis_conversions (tenant_id, indicator_id, from_basis, to_basis, factor, source_text) VALUES ($1,$2,'comparable_2010','comparable_2020','1.2345','Tổng cục Thống kê')`,
      [t, ind],
    );
    await db.query(
      `INSERT INTO rule_sets (tenant_id, kind, params, document_id, valid_from) VALUES ($1,'reporting_cutoff','{"day":15}',$2,'2019-03-01')`,
      [t, doc],
    );
    await db.query(
      `INSERT INTO evidence_files (tenant_id, storage_key, filename, media_type, size_bytes, sha256) VALUES ($1,'k','Báo cáo số 05.pdf','application/pdf',10,'abc')`,
      [t],
    );
    const user = await one(
      `INSERT INTO users (tenant_id, email, display_name, password_hash) VALUES ($1,$2,'Nguyễn Văn Ánh','x') RETURNING id`,
      [t, `${tenant.code}@example.vn`],
    );
    await db.query(`INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1,$2,'agency_editor')`, [t, user]);
    await db.query(
      `INSERT INTO sessions (id, tenant_id, user_id, csrf_token, expires_at) VALUES ($1,$2,$3,'c', now() + interval '1 day')`,
      [`s-${tenant.code}`, t, user],
    );
    await db.query(
      `INSERT INTO audit_log (tenant_id, actor_label, action, entity, entity_id, after) VALUES ($1,'test','create','plan',$2,$3)`,
      [t, plan, JSON.stringify({ name: VI })],
    );
    await db.query(`INSERT INTO jobs (tenant_id, kind) VALUES ($1,'report')`, [t]);

    const names = await db.query<{ name: string; title: string }>(
      'SELECT p.name, d.title FROM plans p JOIN documents d ON d.id = p.document_id WHERE p.id = $1',
      [plan],
    );
    expect(names[0]?.name).toBe(VI);
    expect(names[0]?.name.normalize('NFC')).toBe(names[0]?.name);
    const audit = await db.query<{ after: { name: string } }>('SELECT after FROM audit_log WHERE tenant_id = $1', [t]);
    expect(audit[0]?.after.name).toBe(VI);
    const proj2 = await db.query<{ budget_amount: string }>('SELECT budget_amount FROM projects WHERE id = $1', [proj]);
    expect(proj2[0]?.budget_amount).toBe('118079.28');
    const dates = await db.query<{ valid_to: string }>('SELECT valid_to FROM units WHERE id = $1', [former]);
    expect(dates[0]?.valid_to).toBe('2025-06-30');
  });

  it('refuses to change or delete an audit record', async () => {
    const tenant = await createTenant(db);
    await db.query(`INSERT INTO audit_log (tenant_id, actor_label, action, entity) VALUES ($1,'test','create','x')`, [
      tenant.id,
    ]);
    await expect(db.query('UPDATE audit_log SET action = $2 WHERE tenant_id = $1', [tenant.id, 'y'])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM audit_log WHERE tenant_id = $1', [tenant.id])).rejects.toThrow(/append-only/);
  });

  it('rolls back every write of a failed transaction', async () => {
    const tenant = await createTenant(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO agencies (tenant_id, code, name) VALUES ($1,'a','Sở Xây dựng')`, [tenant.id]);
        await tx.query(`INSERT INTO agencies (tenant_id, code, name) VALUES ($1,'a','trùng mã')`, [tenant.id]);
      }),
    ).rejects.toThrow();
    expect(await db.query('SELECT 1 FROM agencies WHERE tenant_id = $1', [tenant.id])).toEqual([]);
  });

  it('refuses a unit code that is not 2 or 5 digits', async () => {
    const tenant = await createTenant(db);
    await expect(
      db.query(
        `INSERT INTO units (tenant_id, code, name, level, valid_from) VALUES ($1,'031','x','province','2025-07-01')`,
        [tenant.id],
      ),
    ).rejects.toThrow();
  });
});
