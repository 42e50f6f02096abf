// Types for the two calls of fs-native-extensions that the embedded database's folder lock uses (it ships none).
declare module 'fs-native-extensions' {
  /** Takes a lock on the open file without waiting; false when another open file description holds it. */
  export function tryLock(fd: number, opts?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
}
