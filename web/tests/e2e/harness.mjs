// End-to-end harness: a real `laurel serve` on a loopback port over a temporary copy of a
// generated demo company, and real headless Chromium (Debian's) driven by playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const binary = process.env.LAUREL_BINARY ?? join(root, 'build', 'release', 'laurel');
export const demoPassword = 'laurel-demo-2026';
// Cheap password hashing keeps 60 demo logins fast; the hash itself is tested elsewhere.
const cheapArgon2 = { LAUREL_AUTH_ARGON2_OPSLIMIT: '1', LAUREL_AUTH_ARGON2_MEMLIMIT_KIB: '64' };

/** Today in the company zone: the demo's "as of", so its year of history ends yesterday. */
function companyToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * The demo company, generated once per binary and day and kept in the temp folder, so that
 * several test files (and re-runs) do not pay the ~40 s generation each.
 */
function demoDatabase() {
  const built = statSync(binary);
  const cacheDir = join(tmpdir(), 'laurel-e2e-cache');
  mkdirSync(cacheDir, { recursive: true });
  const cached = join(cacheDir, `demo-${companyToday()}-${built.mtimeMs}-${built.size}.db`);
  if (!existsSync(cached)) {
    const partial = join(tmpdir(), `laurel-e2e-demo-${process.pid}.partial`);
    rmSync(partial, { force: true });
    const r = spawnSync(binary, ['demo', '--db', partial, '--as-of', companyToday(), '--generate-only'], {
      env: { ...process.env, ...cheapArgon2 },
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (r.status !== 0) throw new Error(`laurel demo failed: ${r.stderr}${r.stdout}`);
    // One company at a time (~300 MB): the ones of older binaries or days go.
    for (const old of readdirSync(cacheDir)) rmSync(join(cacheDir, old), { force: true });
    renameSync(partial, cached); // the same folder tree: tmpdir()
  }
  return cached;
}

/** Runs `laurel serve` on the database at the address; resolves once it listens. */
async function serve(db, listen) {
  const child = spawn(binary, ['serve', '--db', db, '--listen', listen], {
    env: { ...process.env, ...cheapArgon2, LAUREL_SERVER_STATIC_DIR: join(root, 'web', 'dist') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { child, log: '' };
  child.stderr.on('data', (d) => (run.log += d));
  run.base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`laurel did not start: ${out}${run.log}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`laurel exited (${code}): ${out}${run.log}`)));
  });
  return run;
}

async function halt(child) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function startLaurel() {
  const dir = mkdtempSync(join(tmpdir(), 'laurel-e2e-'));
  const db = join(dir, 'laurel.db');
  copyFileSync(demoDatabase(), db);
  let run = await serve(db, '127.0.0.1:0');
  let earlier = ''; // the logs of runs before a restart
  const base = run.base;
  return {
    base,
    db,
    log: () => earlier + run.log,
    /** Stops the server as an operator would (SIGTERM), keeping its database. */
    async pause() {
      await halt(run.child);
    },
    /** Starts it again on the same database and port: what browsers had open comes back. */
    async resume() {
      earlier += run.log;
      run = await serve(db, new URL(base).host);
    },
    async restart() {
      await this.pause();
      await this.resume();
    },
    async stop() {
      await halt(run.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON API client for test setup and for checking what the UI wrote. */
export async function apiAs(base, username, password = demoPassword) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const { token } = await login.json();
  const call = async (method, path, body) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  return { call, get: async (path) => (await call('GET', path)).body };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}

export const phone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const pc = { viewport: { width: 1280, height: 800 } };

/** Signs in through the login page, as a user would. */
export async function signIn(page, base, username, password = demoPassword) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Records a figure measured in the browser, for docs/benchmarks.md. */
export function recordTiming(name, value) {
  const dir = join(root, 'build', 'e2e');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, value, at: new Date().toISOString() }) + '\n');
  console.log(`e2e timing ${name}: ${JSON.stringify(value)}`);
}
