// The embedded database's folder made safe for a server: one process at a time (a kernel lock held for the life of
// the process), and every commit on disk before it is acknowledged (PostgreSQL's own fsync, reaching the disk).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { tryLock, unlock } from 'fs-native-extensions';
import { ChitieuError } from '../core/errors.ts';

export class DatabaseLocked extends ChitieuError {
  constructor(dir: string, holder: string) {
    const pid = /^\d+$/.test(holder) ? holder : null;
    super(
      'database_locked',
      'conflict',
      {
        vi: `Thư mục dữ liệu ${dir} đang được một tiến trình chitieu khác sử dụng${pid ? ` (pid ${pid})` : ''}. Hãy dừng tiến trình đó, hoặc dùng DATA_DIR khác; nhiều tiến trình cùng lúc cần PostgreSQL (DATABASE_URL).`,
        en: `The data folder ${dir} is in use by another chitieu process${pid ? ` (pid ${pid})` : ''}. Stop that process, or use another DATA_DIR; several processes at once need PostgreSQL (DATABASE_URL).`,
      },
      { details: { dir, pid } },
    );
  }
}

/** An exclusive hold on a data folder; `release` gives it up (the kernel also does when the process dies). */
export interface FolderLock {
  release(): void;
}

/**
 * Takes the folder's lock file with an open-file-description lock (Linux F_OFD_SETLK, flock on macOS, LockFileEx on
 * Windows). The kernel holds it as long as the file stays open: a paused process keeps it, a killed one loses it at
 * once, so there is no heartbeat to expire and no stale lock to wait out after a crash.
 */
export function lockFolder(dataDir: string): FolderLock {
  const file = path.join(dataDir, 'pglite.flock');
  const fd = fs.openSync(file, 'a+');
  let granted: boolean;
  try {
    granted = tryLock(fd);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  if (!granted) {
    const holder = fs.readFileSync(file, 'utf8').trim();
    fs.closeSync(fd);
    throw new DatabaseLocked(dataDir, holder);
  }
  // The holder's pid, for the message a second process prints (the lock itself is the kernel's, not this text).
  fs.ftruncateSync(fd, 0);
  fs.writeSync(fd, `${process.pid}\n`);
  return {
    release() {
      unlock(fd);
      fs.closeSync(fd);
    },
  };
}

type PostgresModule = Parameters<
  NonNullable<Awaited<ReturnType<NodeFS['init']>>['emscriptenOpts']['preRun']>[number]
>[0];
interface StreamWithFd {
  nfd?: number;
}

/**
 * PGlite's Node file system writes straight through to the OS but has no fsync, and PGlite starts PostgreSQL with
 * fsync off: a commit survives a killed process but not a power cut. This file system gives Emscripten's NODEFS the
 * fsync it lacks, so that PostgreSQL's own fsync (on the WAL at every commit, on data files at every checkpoint)
 * reaches the disk. The WAL is synced with fsync() because Emscripten's fdatasync() is an empty stub.
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): ReturnType<NodeFS['init']> {
    const out = await super.init(pg, opts);
    out.emscriptenOpts.preRun = [
      ...(out.emscriptenOpts.preRun ?? []),
      (mod: PostgresModule) => {
        const ops = (mod.NODEFS as unknown as { stream_ops: Record<string, unknown> }).stream_ops;
        ops.fsync = (stream: StreamWithFd) => {
          if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
          return 0;
        };
      },
    ];
    return out;
  }
}

/** Options for a PGlite whose commits are durable: fsync on, and the WAL synced with the call that works. */
export function durablePgliteOptions(dir: string): PGliteOptions {
  return {
    fs: new DurableNodeFS(dir),
    startParams: [...PGlite.defaultStartParams, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'],
  };
}
