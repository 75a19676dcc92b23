#!/usr/bin/env node
// `npm run test:ui`: UI checks in a real VS Code, as a user sees it. One VS Code server and one headless Chromium
// (host.cjs) serve every check, and every check starts from nothing an earlier one left: its own copy of examples/ as
// the workspace, the test profile's user settings written afresh (autosave off: a file changes only when a check
// writes it), a new browser context (no browser storage kept), a newly loaded workbench with the extension under
// development, and its own extension host (the previous window's is stopped). The checks of every test/ui/*.ui.mjs
// file run in file-name order.
//
// A UI test file exports `checks`: [{ name, run: async (wb) => {...}, timeout?, workspace? }], where `wb` is a
// Workbench (workbench.mjs beside this file: openFile, runCommand, frameWith, showView, problems, setTheme,
// screenshot, page, workspace...) and `workspace(dir)` adds the files a check needs beyond examples/ to its
// workspace before the workbench opens it (so the Explorer lists them from the start). A check fails by throwing. Screenshots go to test-results/ui/ (a failing check leaves
// FAIL-<name>.png there); UPDATE_SCREENSHOTS=1 also writes the README's to media/screenshots/.
// A file may also export `serverSetup: async () => ({ env, stop })`, run once before the VS Code server starts when
// one of its checks is selected: `env` goes into the server's environment (every extension host has it), `stop` runs
// at the end.
//
//   node scripts/vscode/run-ui.mjs [substring of a file or check name ...]
// Knobs: VSCODE_UI_TIMEOUT (hard limit for the whole run, seconds, default 1500), EXTENSION_DEV_PATH (default:
// this repository), VERBOSE=1 (browser console), KEEP_TMP=1. Closing line: "ui: N passed, N failed".
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workbench, scaled } from './workbench.mjs';

const require = createRequire(import.meta.url);
const host = require('./host.cjs');
const ROOT = host.ROOT;
const UI_DIR = join(ROOT, 'test', 'ui');
const SHOTS = join(ROOT, 'test-results', 'ui');
const README_SHOTS = join(ROOT, 'media', 'screenshots');
const HARD_TIMEOUT_S = Number(process.env.VSCODE_UI_TIMEOUT || 1500);
const DEV_PATH = resolve(process.env.EXTENSION_DEV_PATH || ROOT);
const SETTINGS = { ...host.TEST_SETTINGS, 'workbench.colorTheme': 'Default Light Modern' };
const filters = process.argv.slice(2);

let passed = 0,
  failed = 0,
  aborted = false;
let server, browser, tmp;
const t0 = Date.now();
const serverSetups = [];
const serverStops = [];

async function cleanup() {
  if (browser) {
    await browser.close();
    browser = undefined;
  }
  if (server) {
    await server.stop();
    server = undefined;
  }
  for (const stop of serverStops.splice(0)) await stop();
  if (tmp && !process.env.KEEP_TMP) {
    rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function loadChecks() {
  const files = readdirSync(UI_DIR)
    .filter((f) => f.endsWith('.ui.mjs'))
    .sort();
  const all = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(UI_DIR, f)).href);
    const checks = mod.checks || mod.default;
    if (!Array.isArray(checks)) {
      throw new Error(`test/ui/${f} exports no "checks" array`);
    }
    let selected = false;
    for (const c of checks) {
      const name = `${f.replace(/\.ui\.mjs$/, '')}: ${c.name}`;
      if (!filters.length || filters.some((s) => name.includes(s))) {
        all.push({ ...c, name });
        selected = true;
      }
    }
    if (selected && typeof mod.serverSetup === 'function') serverSetups.push(mod.serverSetup);
  }
  return all;
}

/** A workbench of its own for check number `n`: fresh workspace, settings, browser context and extension host. */
async function openWorkbench(n, check) {
  const workspace = join(tmp, String(n).padStart(2, '0'), 'examples');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  await check.workspace?.(workspace);
  host.writeUserSettings(server.profile, SETTINGS);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  if (process.env.VERBOSE) {
    page.on('console', (m) => console.log('[browser]', m.type(), m.text()));
  }
  await page.goto(host.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: [DEV_PATH] }));
  const wb = new Workbench(page, { root: ROOT, workspace, shotsDir: SHOTS, readmeShotsDir: README_SHOTS });
  await wb.ready();
  return wb;
}

/** Closes a check's window (without its unload prompts) and stops its extension host. */
async function closeWorkbench(wb) {
  await wb.page.close({ runBeforeUnload: false }).catch(() => {});
  await host.stopExtensionHosts(server);
}

async function main() {
  const checks = await loadChecks();
  if (!checks.length) {
    throw new Error(`no UI checks${filters.length ? ` match ${filters.join(', ')}` : ''} in test/ui/*.ui.mjs`);
  }
  if (!existsSync(join(DEV_PATH, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run npm run build');
  }
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'form4-ui-'));

  const env = {};
  for (const setup of serverSetups) {
    const r = await setup();
    Object.assign(env, r?.env);
    if (r?.stop) serverStops.push(r.stop);
  }
  server = await host.startServer({ verbose: true, profile: host.makeProfile({ settings: SETTINGS }), env });
  browser = await host.launchBrowser(server.profile);

  for (const [n, check] of checks.entries()) {
    const t = Date.now();
    let wb;
    try {
      // A standalone check starts what it needs itself (npm start's own server), without the shared workbench.
      if (!check.standalone) {
        wb = await withTimeout(openWorkbench(n, check), scaled(120000), `the workbench for "${check.name}"`);
      }
      const loaded = wb ? `, ${Date.now() - t} ms of it loading the workbench` : '';
      await withTimeout(
        Promise.resolve().then(() => check.run(wb)),
        scaled(check.timeout || 90000),
        `check "${check.name}"`,
      );
      if (aborted) {
        return;
      }
      passed++;
      console.log(`  ok    ${check.name} (${Date.now() - t} ms${loaded})`);
    } catch (e) {
      if (aborted) {
        return;
      } // the hard timeout fired and VS Code is being stopped: counted there
      failed++;
      console.log(
        `  FAIL  ${check.name} (${Date.now() - t} ms)\n        ${String((e && e.message) || e)
          .split('\n')
          .slice(0, 6)
          .join('\n        ')}`,
      );
      if (wb) {
        await wb.page.screenshot({ path: join(SHOTS, `FAIL-${check.name.replace(/\W+/g, '_')}.png`) }).catch(() => {});
        // What the screenshot shows, as text, for a failure seen only in a CI log.
        const side = await wb.page
          .locator('.part.sidebar')
          .innerText({ timeout: 2000 })
          .catch(() => '(no sidebar)');
        console.log(`        sidebar:\n${side.slice(0, 3000).replace(/^/gm, '          ')}`);
      }
      if (server) console.log(server.extensionLog().replace(/^/gm, '        '));
    } finally {
      if (wb && !aborted) {
        await closeWorkbench(wb);
      }
    }
  }
}

const offSignals = host.onSignals(cleanup);
let hardTimer;
const hardTimeout = new Promise((_, reject) => {
  hardTimer = setTimeout(() => {
    aborted = true;
    reject(Object.assign(new Error(`ui tests timed out after ${HARD_TIMEOUT_S} s (VSCODE_UI_TIMEOUT)`), { code: 2 }));
  }, HARD_TIMEOUT_S * 1000);
});
let exitCode = 0;
try {
  await Promise.race([main(), hardTimeout]);
} catch (e) {
  console.error(e && e.code === 2 ? e.message : (e && e.stack) || String(e));
  exitCode = e && e.code === 2 ? 2 : 1;
  failed++; // the check (or the set-up) that did not finish
} finally {
  clearTimeout(hardTimer);
  if (failed && server) {
    console.error(server.logs());
  }
  await cleanup();
  offSignals();
  host.endWatchdog();
}
console.log(`screenshots in ${SHOTS.slice(ROOT.length + 1)}/ (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed ? 1 : 0));
