// Opens what every entry point needs: the configured database, migrated, with the bundled dataset loaded into an
// empty database. The server, the CLI and the tests all start from here.
import type { Config } from './config/config.ts';
import { ensureAdmin } from './services/auth/ensure-admin.ts';
import { systemActor, type ServiceContext } from './services/context.ts';
import type { ImportReport } from './services/dataset/import-dataset.ts';
import { openDb, type Db } from './storage/db.ts';
import { migrate } from './storage/migrate.ts';
import { openReadReplica, type ReadReplica } from './storage/read-replica.ts';
import { countPlans } from './storage/repositories/plans-repo.ts';
import { openMailer, type Mailer } from './services/notifications/mailer.ts';

export interface Runtime {
  config: Config;
  db: Db;
  /** A streaming replica for anonymous reads (DATABASE_REPLICA_URL), when one is configured. */
  replica?: ReadReplica | null;
  systemContext(label: string): ServiceContext;
  close(): Promise<void>;
  /** Where start-up and import messages go (the one-time admin password among them). */
  log?: Logger;
  /** E-mail for notifications, when SMTP is configured. */
  mailer?: Mailer | null;
}

export interface Logger {
  info(msg: string): void;
}

export async function openRuntime(config: Config, log: Logger = { info: () => {} }): Promise<Runtime> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info(`migrations applied: ${applied.join(', ')}`);
    const replica = config.databaseReplicaUrl
      ? await openReadReplica(config.databaseReplicaUrl, { maxLagSeconds: config.replicaMaxLagSeconds })
      : null;
    const runtime: Runtime = {
      config,
      db,
      replica,
      systemContext: (label) => ({ db, actor: systemActor(label), now: () => new Date() }),
      close: async () => {
        await replica?.close();
        await db.close();
      },
      log,
      mailer: openMailer(config),
    };
    if (config.seedOnStart && (await countPlans(db)) === 0) {
      const report = await seedBundledDataset(runtime);
      log.info(`bundled dataset loaded: ${report.plans.map((p) => `${p.code} (${p.targets} targets)`).join(', ')}`);
    }
    await ensureAdmin(db, config, log);
    return runtime;
  } catch (e) {
    await db.close();
    throw e;
  }
}

export async function seedBundledDataset(
  runtime: Runtime,
  folder = runtime.config.datasetDir,
  onProgress?: (done: number, total: number, label: string) => void,
  apply = false,
): Promise<ImportReport> {
  // Loaded here, not at the top: a command that does not seed does not load the dataset import and what it imports.
  const { readDatasetFolder } = await import('./imports/dataset-folder.ts');
  const { importDataset } = await import('./services/dataset/import-dataset.ts');
  const dataset = readDatasetFolder(folder);
  const report = await importDataset({
    ctx: runtime.systemContext('dataset import'),
    input: dataset,
    onProgress,
    apply,
  });
  // An empty database gets its first admin with its first plans, in the tenant that owns them.
  await ensureAdmin(runtime.db, runtime.config, runtime.log ?? { info: () => {} });
  return report;
}
