// Where evidence files are kept, by the provider chosen in configuration. 'local' (the default) is a folder,
// `<DATA_DIR>/files` unless EVIDENCE_DIR says otherwise; a file's key is its tenant and a fresh id, never its name.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface EvidenceStore {
  provider: string;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  put(tenantId: string, bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Buffer>;
}

export function localFolderStore(folder: string, maxBytes: number): EvidenceStore {
  const full = (key: string) => {
    const p = path.resolve(folder, key);
    if (!p.startsWith(path.resolve(folder) + path.sep)) throw new Error(`evidence key outside the folder: ${key}`);
    return p;
  };
  return {
    provider: 'local',
    maxBytes,
    async put(tenantId, bytes) {
      const key = `${tenantId}/${randomUUID()}`;
      const file = full(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written to a temporary name and renamed, so a half-written file never carries a real key.
      const tmp = `${file}.part`;
      const handle = await fs.open(tmp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, file);
      return key;
    },
    async get(key) {
      return fs.readFile(full(key));
    },
  };
}

export function openEvidenceStore(config: {
  evidenceProvider: 'local';
  evidenceDir: string;
  evidenceMaxBytes: number;
}): EvidenceStore {
  return localFolderStore(config.evidenceDir, config.evidenceMaxBytes);
}
