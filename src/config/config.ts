// Configuration is one validated object, loaded once at start and passed in; nothing reads process.env elsewhere.
import net from 'node:net';
import path from 'node:path';
import { ValidationError, type FieldIssue } from '../core/errors.ts';

export interface Config {
  port: number;
  host: string;
  /** Runtime data folder: the embedded database lives in `<dataDir>/pglite`, evidence files in `<dataDir>/files`. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded database. */
  databaseUrl: string | null;
  /**
   * A streaming replica of that PostgreSQL (DATABASE_REPLICA_URL): anonymous reads of the public portal and the
   * dashboards go there while its lag is under replicaMaxLagSeconds; writers and everything they read stay on the
   * primary, so a writer reads its own writes.
   */
  databaseReplicaUrl: string | null;
  /** Beyond this lag (REPLICA_MAX_LAG_SECONDS, default 30) reads go back to the primary. */
  replicaMaxLagSeconds: number;
  /** Folder of the bundled dataset loaded on first start. */
  datasetDir: string;
  /** Load the bundled dataset into an empty database at start. */
  seedOnStart: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Cookies get the Secure flag (set when served over HTTPS, directly or behind a proxy). */
  secureCookies: boolean;
  /** Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed (empty: none). */
  trustedProxies: string[];
  version: string;
  /** Where evidence files are kept: 'local' (a folder, `evidenceDir`, by default `<dataDir>/files`). */
  evidenceProvider: 'local';
  evidenceDir: string;
  /** Largest evidence file accepted, in bytes. */
  evidenceMaxBytes: number;
  /** E-mail notifications: sent only when an SMTP server is configured. */
  smtp: { url: string; from: string } | null;
  /** The address of the web app in e-mails (links), e.g. https://chitieu.example.vn */
  publicUrl: string | null;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  const issues: FieldIssue[] = [];
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    issues.push({
      path: 'PORT',
      reason: {
        vi: `PORT phải là số nguyên 0–65535, nhận "${portText}"`,
        en: `PORT must be an integer 0–65535, got "${portText}"`,
      },
    });
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    issues.push({
      path: 'DATABASE_URL',
      reason: {
        vi: 'DATABASE_URL phải bắt đầu bằng postgres:// hoặc postgresql://',
        en: 'DATABASE_URL must start with postgres:// or postgresql://',
      },
    });
  }
  const databaseReplicaUrl = env.DATABASE_REPLICA_URL?.trim() || null;
  if (databaseReplicaUrl && (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseReplicaUrl))) {
    issues.push({
      path: 'DATABASE_REPLICA_URL',
      reason: {
        vi: 'DATABASE_REPLICA_URL phải bắt đầu bằng postgres:// và đi cùng DATABASE_URL (bản sao của chính cơ sở dữ liệu đó)',
        en: 'DATABASE_REPLICA_URL must start with postgres:// and come with DATABASE_URL (a replica of that database)',
      },
    });
  }
  const maxLagText = env.REPLICA_MAX_LAG_SECONDS ?? '30';
  const replicaMaxLagSeconds = Number(maxLagText);
  if (!Number.isFinite(replicaMaxLagSeconds) || replicaMaxLagSeconds <= 0) {
    issues.push({
      path: 'REPLICA_MAX_LAG_SECONDS',
      reason: {
        vi: `REPLICA_MAX_LAG_SECONDS phải là số giây dương, nhận "${maxLagText}"`,
        en: `REPLICA_MAX_LAG_SECONDS must be a positive number of seconds, got "${maxLagText}"`,
      },
    });
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    issues.push({
      path: 'LOG_LEVEL',
      reason: {
        vi: `LOG_LEVEL phải là một trong ${LOG_LEVELS.join(', ')}`,
        en: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`,
      },
    });
  }
  const adminPassword = env.ADMIN_PASSWORD ?? null;
  if (adminPassword !== null && adminPassword.length < 12) {
    issues.push({
      path: 'ADMIN_PASSWORD',
      reason: { vi: 'ADMIN_PASSWORD cần ít nhất 12 ký tự', en: 'ADMIN_PASSWORD needs at least 12 characters' },
    });
  }
  const trustedProxies = (env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const p of trustedProxies) {
    if (!isAddressOrRange(p)) {
      issues.push({
        path: 'TRUSTED_PROXIES',
        reason: {
          vi: `"${p}" không phải địa chỉ IP hay dải CIDR (ví dụ 10.0.0.5, 10.0.0.0/8, ::1)`,
          en: `"${p}" is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, ::1)`,
        },
      });
    }
  }
  const evidenceProvider = env.EVIDENCE_PROVIDER ?? 'local';
  if (evidenceProvider !== 'local') {
    issues.push({
      path: 'EVIDENCE_PROVIDER',
      reason: { vi: 'EVIDENCE_PROVIDER chỉ nhận "local"', en: 'EVIDENCE_PROVIDER accepts only "local"' },
    });
  }
  const maxText = env.EVIDENCE_MAX_BYTES ?? String(10 * 1024 * 1024);
  const evidenceMaxBytes = Number(maxText);
  if (!Number.isInteger(evidenceMaxBytes) || evidenceMaxBytes < 1 || evidenceMaxBytes > 100 * 1024 * 1024) {
    issues.push({
      path: 'EVIDENCE_MAX_BYTES',
      reason: {
        vi: `EVIDENCE_MAX_BYTES phải là số byte từ 1 đến 104857600, nhận "${maxText}"`,
        en: `EVIDENCE_MAX_BYTES must be a byte count from 1 to 104857600, got "${maxText}"`,
      },
    });
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    issues.push({
      path: 'SMTP_URL',
      reason: {
        vi: 'SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps://',
        en: 'SMTP_URL must start with smtp:// or smtps://',
      },
    });
  }
  const smtpFrom = env.SMTP_FROM?.trim() || null;
  if (smtpUrl && !smtpFrom) {
    issues.push({
      path: 'SMTP_FROM',
      reason: { vi: 'Cần SMTP_FROM khi có SMTP_URL', en: 'SMTP_FROM is required with SMTP_URL' },
    });
  }
  if (issues.length > 0) {
    throw new ValidationError({ vi: 'Cấu hình không hợp lệ', en: 'Invalid configuration' }, issues, 'invalid_config');
  }
  const root = path.resolve(import.meta.dirname, '../..');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(root, 'data')),
    databaseUrl,
    databaseReplicaUrl,
    replicaMaxLagSeconds,
    datasetDir: path.resolve(env.DATASET_DIR ?? path.join(root, 'data')),
    seedOnStart: (env.SEED ?? 'true') !== 'false',
    adminEmail: env.ADMIN_EMAIL ?? null,
    adminPassword,
    logLevel,
    secureCookies: env.SECURE_COOKIES === 'true',
    trustedProxies,
    version: env.npm_package_version ?? '0.1.0',
    evidenceProvider: 'local',
    evidenceDir: path.resolve(
      env.EVIDENCE_DIR ?? path.join(path.resolve(env.DATA_DIR ?? path.join(root, 'data')), 'files'),
    ),
    evidenceMaxBytes,
    smtp: smtpUrl && smtpFrom ? { url: smtpUrl, from: smtpFrom } : null,
    publicUrl: env.PUBLIC_URL?.trim() || null,
    ...overrides,
  };
}

function isAddressOrRange(text: string): boolean {
  const [address, bits, ...rest] = text.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}
