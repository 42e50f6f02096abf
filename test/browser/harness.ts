// What every browser test file needs around its scenario: Debian's Chromium (required in CI, skipped with a loud
// warning elsewhere), the real server on a fresh copy of the seeded data, people with roles made through the API,
// a page signed in as one of them (vi-VN, Asia/Ho_Chi_Minh), the API called as them (session cookie and CSRF token),
// axe's WCAG 2.1 AA findings, and screenshots at the three widths we look at. A file whose scenario needs a server of
// its own kind (a dataset of one plan, its own admin) passes the server's environment instead of the seeded copy.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { serve, tempDir, type Served } from '../helpers/processes.ts';
import { SEEDED_ADMIN, seededDataDir } from './seeded.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Whether Chromium is installed; in CI its absence fails the run instead of skipping. */
export const chromiumAvailable = fs.existsSync(CHROMIUM);
if (!chromiumAvailable) {
  if (process.env.CI) throw new Error(`CI requires Chromium at ${CHROMIUM} for the browser tests`);
  console.warn(`\n*** Chromium not found at ${CHROMIUM}: browser tests are SKIPPED (apt-get install chromium). ***\n`);
}

export const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
export const WIDTHS = [1366, 768, 360] as const;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DATA = path.resolve(import.meta.dirname, '../../data');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];

/**
 * Calls the API as a signed-in person: GET without a body, POST with one (and If-Match when a version is given);
 * `method` names another verb (PATCH, PUT, DELETE).
 */
export type ApiAs = (url: string, body?: unknown, version?: number, method?: string) => Promise<Response>;

export async function apiAs(baseUrl: string, email: string, password: string): Promise<ApiAs> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (url, body, version, method = body === undefined ? 'GET' : 'POST') =>
    fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** A dataset folder with the bundled tenants and only the plans named: a server on it seeds them in seconds. */
export function datasetOf(...plans: string[]): string {
  const dir = tempDir('chitieu-dataset-');
  fs.cpSync(path.join(DATA, 'tenants'), path.join(dir, 'tenants'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'plans'));
  for (const plan of plans)
    fs.copyFileSync(path.join(DATA, 'plans', `${plan}.json`), path.join(dir, 'plans', `${plan}.json`));
  return dir;
}

/** The real server on a fresh copy of the seeded data, Chromium, and the people a scenario needs. */
export interface Harness {
  server: Served;
  browser: Browser;
  /** The admin (the seeded one unless the options name another), through the API; signed in at its first call. */
  admin: ApiAs;
  /** A page in its own browser context, signed in as `email` with `password` (or not signed in at all). */
  as(email: string | null, password?: string, width?: number): Promise<Page>;
  /** A public GET answered 200, as JSON. */
  get<T>(url: string): Promise<T>;
  close(): Promise<void>;
}

/** How a file's server differs from the default one (a fresh copy of the seeded data, started within 120 s). */
export interface HarnessOptions {
  /** The server's whole environment instead of `{ DATA_DIR: <a fresh seeded copy> }` (e.g. DATASET_DIR, ADMIN_EMAIL). */
  env?: Record<string, string>;
  /** How long the server may take to listen (ms). */
  startTimeoutMs?: number;
  /** The admin behind `h.admin` and the people made (the seeded admin unless given). */
  admin?: { email: string; password: string };
  /** Chromium flags added to the harness's own. */
  chromiumArgs?: readonly string[];
}

export async function openHarness(
  people: { email: string; password: string; roles: readonly string[] }[] = [],
  options: HarnessOptions = {},
): Promise<Harness> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = await serve(options.env ?? { DATA_DIR: seededDataDir() }, options.startTimeoutMs ?? 120_000);
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...(options.chromiumArgs ?? [])] })
    .catch(async (e: unknown) => {
      await server.stop();
      throw e;
    });
  // Signed in at its first call, not here: an admin with a one-time password must change it in the browser first.
  const { email: adminEmail, password: adminPassword } = options.admin ?? SEEDED_ADMIN;
  let adminSession: Promise<ApiAs> | undefined;
  const admin: ApiAs = async (...args) =>
    (await (adminSession ??= apiAs(server.baseUrl, adminEmail, adminPassword)))(...args);
  const contexts: BrowserContext[] = [];
  const h: Harness = {
    server,
    browser,
    admin,
    async as(email, password, width = 1366) {
      const context = await browser.newContext({
        viewport: { width, height: width === 360 ? 740 : 900 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      contexts.push(context);
      const page = await context.newPage();
      if (email) {
        const res = await page.request.post(`${server.baseUrl}/api/auth/login`, { data: { email, password } });
        expect(res.status()).toBe(200);
      }
      return page;
    },
    async get<T>(url: string) {
      const res = await fetch(`${server.baseUrl}${url}`);
      expect(res.status, url).toBe(200);
      return (await res.json()) as T;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.stop();
    },
  };
  try {
    for (const p of people) {
      const res = await admin('/api/users', {
        email: p.email,
        displayName: p.email,
        password: p.password,
        roles: p.roles,
      });
      expect(res.status, await res.text()).toBe(201);
    }
  } catch (e) {
    await h.close();
    throw e;
  }
  return h;
}

/** axe's WCAG 2.1 AA violations on the page (or inside `include`), one line each: rule and elements. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  const r = await (include ? builder.include(include) : builder).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Screenshots of the page at 1366, 768 and 360 px (`name-width.png` in the artifacts), back at 1366 after; the whole
 * page when `fullPage`, else what the window shows.
 */
export async function shots(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: w === 360 ? 740 : 900 });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${w}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
