// The bundled dataset seeded once (./seeded-global-setup.ts), copied for each browser test file that needs it.
import fs from 'node:fs';
import { inject } from 'vitest';
import { tempDir } from '../helpers/processes.ts';

/** The admin the seeded copy was made with (ADMIN_EMAIL/ADMIN_PASSWORD at its first import). */
export const SEEDED_ADMIN = { email: 'planning-office@example.vn', password: 'planning-office-password-1' } as const;

/** A fresh copy of the seeded data folder, to serve with DATA_DIR: the bundled plans, their figures and the admin. */
export function seededDataDir(): string {
  const copy = tempDir('chitieu-browser-');
  fs.cpSync(inject('seededDataDir'), copy, { recursive: true });
  return copy;
}
