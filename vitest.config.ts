// Test tiers: "core" (pure domain and the web app's pure helpers, no I/O, fast), "integration" (real databases, real HTTP, real CLI),
// "browser" (real Chromium against the real server). `npm test` runs all of them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is a single worker; most files spend their time waiting on a child process (the
    // server, the CLI, Chromium, PostgreSQL), so two files at once keep both cores busy.
    maxWorkers: 2,
    projects: [
      { test: { name: 'core', include: ['src/core/**/*.test.ts', 'web/src/**/*.test.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', 'src/{storage,services,api,cli}/**/*.test.ts'],
          exclude: ['test/browser/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // The bundled dataset is seeded once for the files that need all of it (see test/browser/seeded.ts).
          globalSetup: ['test/browser/seeded-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
