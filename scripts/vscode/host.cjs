// Shared by the integration runner, the UI tests and `npm start`: start a real VS Code server (the build
// that the npm package code-server ships in lib/vscode: VS Code's own server, web workbench and Node
// extension host) on 127.0.0.1, and open its workbench in Debian's headless Chromium with playwright-core.
//
// We start lib/vscode/out/server-main.js ourselves rather than the `code-server` wrapper CLI: the wrapper
// rejects VS Code flags it does not know (--enable-smoke-test-driver, --extensionTestsPath). With
// --enable-smoke-test-driver the built workbench honours the `payload` URL parameter
// (extensionDevelopmentPath, extensionTestsPath) and, when the tests' run() settles, calls
// window.codeAutomationExit(code): the same mechanism VS Code's own browser integration tests use.
//
// Clean-up is the point of most of this file. The server and Chromium each run in their own process group;
// stop() ends each group (SIGTERM, then SIGKILL for stragglers such as file watchers). A small watchdog
// process holds the other end of a pipe from us: if we die in any way, even by SIGKILL, the pipe closes
// and the watchdog kills the groups we had registered. So no run leaves a VS Code or a Chromium behind.
'use strict';
const { spawn, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR || path.join(ROOT, '.vscode-test', 'code-server');
const CODE_SERVER_PKG = process.env.CODE_SERVER_PKG || path.join(CODE_SERVER_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(CODE_SERVER_PKG, 'lib', 'vscode');
const SERVER_MAIN = path.join(VSCODE_DIR, 'out', 'server-main.js');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
// The Node that runs the server and so the extension host: code-server 4.100.x is built for Node 20.
const NODE = process.env.CODE_SERVER_NODE || process.execPath;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-default-browser-check',
  '--password-store=basic',
];

function log(...args) {
  console.log('[vscode]', ...args);
}

function vscodeVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(VSCODE_DIR, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function assertInstalled() {
  const missing = [SERVER_MAIN, CHROMIUM].filter((f) => !fs.existsSync(f));
  if (missing.length) {
    throw new Error(`not installed: ${missing.join(', ')}\nrun: npm run setup   (= bash scripts/install-vscode.sh)`);
  }
}

function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const p = srv.address().port;
        srv.close(() => resolve(p));
      });
    });
  return preferred ? tryPort(preferred).catch(() => tryPort(0)) : tryPort(0);
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Watchdog: a detached Node process reading lines from our pipe. "+PGID" registers a process group, "-PGID"
// forgets it, "@TEXT" registers a marker (processes whose command line contains TEXT, such as the profile
// path: Chromium's crashpad handlers leave the process group), "exit" ends the watchdog quietly. When the
// pipe closes without "exit" (we died), it kills every registered group and marked process: SIGTERM, then
// SIGKILL a second later.
const WATCHDOG_SRC = `
const fs = require('fs');
const groups = new Set(); const markers = new Set(); let buf = ''; let done = false;
const marked = () => { const out = []; for (const p of fs.readdirSync('/proc')) { if (!/^\\d+$/.test(p) || +p === process.pid) continue;
  try { const c = fs.readFileSync('/proc/' + p + '/cmdline', 'utf8'); for (const m of markers) if (c.includes(m)) out.push(+p); } catch {} } return out; };
const killAll = (sig) => { for (const g of groups) { try { process.kill(-g, sig); } catch {} } for (const p of marked()) { try { process.kill(p, sig); } catch {} } };
process.stdin.on('data', (d) => {
  buf += d; let i;
  while ((i = buf.indexOf('\\n')) >= 0) {
    const line = buf.slice(0, i).trim(); buf = buf.slice(i + 1);
    if (line === 'exit') { done = true; process.exit(0); }
    const n = Number(line.slice(1));
    if (line[0] === '@' && line.length > 8) markers.add(line.slice(1));
    else if (line[0] === '+' && n > 0) groups.add(n); else if (line[0] === '-') groups.delete(n);
  }
});
process.stdin.on('end', () => {
  if (done || (groups.size === 0 && markers.size === 0)) process.exit(0);
  killAll('SIGTERM'); setTimeout(() => { killAll('SIGKILL'); process.exit(0); }, 1000);
});
process.stdin.resume();`;

let watchdog;
function startWatchdog() {
  if (!watchdog) {
    watchdog = spawn(process.execPath, ['-e', WATCHDOG_SRC], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    watchdog.unref();
    watchdog.stdin.on('error', () => {});
    watchdog.stdin.unref(); // the pipe must not keep us alive; when we exit, it closes
  }
  return watchdog;
}
function guard(pgid) {
  startWatchdog().stdin.write(`+${pgid}\n`);
}
function guardMarker(text) {
  startWatchdog().stdin.write(`@${text}\n`);
}

// Processes (not ours by group) whose command line contains `marker`, e.g. a profile path.
function pidsWithMarker(marker) {
  const out = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p) || Number(p) === process.pid) {
      continue;
    }
    try {
      if (fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(marker)) {
        out.push(Number(p));
      }
    } catch {
      /* gone */
    }
  }
  return out;
}
function unguard(pgid) {
  if (watchdog) {
    watchdog.stdin.write(`-${pgid}\n`);
  }
}
function endWatchdog() {
  if (watchdog) {
    watchdog.stdin.end('exit\n');
    watchdog = undefined;
  }
}

// Processes of a process group (by /proc/<pid>/stat's pgrp field).
function groupPids(pgid) {
  const out = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid) {
        out.push(Number(p));
      }
    } catch {
      /* gone */
    }
  }
  return out;
}

// Kill a whole process group: SIGTERM, wait up to `graceMs` for `child` to exit and a little longer for the rest of
// its group (file watchers, an extension host) to follow, then SIGKILL whatever is left.
async function killGroup(child, graceMs = 4000) {
  const sig = (s) => {
    try {
      process.kill(-child.pid, s);
    } catch {
      /* group gone */
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    sig('SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, graceMs))]);
  }
  for (const t0 = Date.now(); groupPids(child.pid).length && Date.now() - t0 < 1000;) {
    await new Promise((r) => setTimeout(r, 50));
  }
  sig('SIGKILL');
  unguard(child.pid);
}

// ---------------------------------------------------------------------------------------------------------
// Profile: HOME, TMPDIR, user data, server data and extensions dirs of one VS Code. Temporary by default
// (removed on stop unless KEEP_TMP=1); `dir` makes it persistent (npm start keeps the user's settings).
// User settings every profile starts with: quiet, offline, no first-run pages.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

function makeProfile({ dir, settings = {} } = {}) {
  const base = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'form4-vscode-'));
  const temporary = !dir;
  const home = path.join(base, 'home');
  const tmp = path.join(base, 'tmp');
  for (const d of [home, tmp]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: tmp, // VS Code puts its IPC sockets in TMPDIR
    VSCODE_CLI_DISABLE_KEYCHAIN_ENCRYPT: '1',
    // No extension gallery: code-server's build would otherwise query open-vsx.org (this machine reaches only
    // loopback and the package registries; an empty gallery config turns the gallery off).
    EXTENSIONS_GALLERY: '{}',
  };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  const dirArgs = [
    '--server-data-dir',
    path.join(base, 'server-data'),
    '--user-data-dir',
    path.join(base, 'user-data'),
    '--extensions-dir',
    path.join(base, 'extensions'),
  ];
  const profile = { base, home, tmp, env, dirArgs, temporary };
  let old = {};
  try {
    old = JSON.parse(fs.readFileSync(settingsFile(profile), 'utf8'));
  } catch {
    /* none yet */
  }
  writeUserSettings(profile, { ...old, ...settings });
  return profile;
}

// The workbench served by server-main keeps user settings on the server: <user-data>/User/settings.json.
function settingsFile(profile) {
  return path.join(profile.base, 'user-data', 'User', 'settings.json');
}

// (Re)writes the profile's user settings: DEFAULT_SETTINGS with `settings` over them. A window opened afterwards reads
// them (the UI runner starts every check from the same settings, whatever a check before it changed).
function writeUserSettings(profile, settings = {}) {
  const file = settingsFile(profile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
}

// Settings of the test profiles (integration and UI), over DEFAULT_SETTINGS: a file changes on disk only when a test
// writes it. The web workbench saves edits by itself after a delay by default, so an edit a test makes to see the
// preview follow it would otherwise reach the file and the next test.
const TEST_SETTINGS = { 'files.autoSave': 'off' };

// Extension host processes of a running server (each window has its own): the server's process group, marked by
// --type=extensionHost on their command line.
function extensionHostPids(server) {
  return groupPids(server.child.pid).filter((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('type=extensionHost');
    } catch {
      return false; // gone
    }
  });
}

// Ends the extension hosts of windows that were closed. The server keeps a window's extension host for a while for
// the window to reconnect (minutes to hours), so a run that opens a window per check would otherwise leave one
// running per check. SIGTERM, then SIGKILL for any still there after `graceMs`.
async function stopExtensionHosts(server, graceMs = 3000) {
  const pids = extensionHostPids(server);
  const signal = (sig) =>
    pids.filter((pid) => {
      try {
        process.kill(pid, sig);
        return true;
      } catch {
        return false; // gone
      }
    });
  let alive = signal('SIGTERM');
  const t0 = Date.now();
  while (alive.length && Date.now() - t0 < graceMs) {
    await new Promise((r) => setTimeout(r, 50));
    alive = alive.filter((pid) => fs.existsSync(`/proc/${pid}`));
  }
  signal('SIGKILL');
}

// Runs the server's own CLI once against a profile (e.g. ['--install-extension', 'x.vsix']).
function serverCli(profile, args) {
  return execFileSync(NODE, [SERVER_MAIN, ...profile.dirArgs, '--accept-server-license-terms', ...args], {
    env: profile.env,
    stdio: 'inherit',
  });
}

async function startServer({ profile = makeProfile(), port, env = {}, verbose = false, startTimeoutMs = 60000 } = {}) {
  assertInstalled();
  const p = await freePort(port);
  if (port && p !== port) {
    log(`port ${port} is busy, using ${p}`);
  }
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(p),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--disable-update-check',
    ...profile.dirArgs,
  ];
  const logFile = path.join(profile.base, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  // detached: its own process group, so one signal to -pid reaches the server and everything it forked
  // (extension host, file watcher, pty host, ripgrep)
  const child = spawn(NODE, [SERVER_MAIN, ...args], {
    env: { ...profile.env, ...env },
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  guard(child.pid);
  const url = `http://127.0.0.1:${p}`;
  const t0 = Date.now();
  let stopped = false;
  const stop = async () => {
    if (stopped) {
      return;
    }
    stopped = true;
    await killGroup(child);
    try {
      fs.closeSync(logFd);
    } catch {
      /* closed */
    }
    if (profile.temporary && !process.env.KEEP_TMP) {
      fs.rmSync(profile.base, { recursive: true, force: true });
    }
  };
  try {
    while ((await httpStatus(url + '/')) !== 200) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`VS Code server exited (${child.exitCode ?? child.signalCode}):\n${readLog(logFile)}`);
      }
      if (Date.now() - t0 > startTimeoutMs) {
        throw new Error(`VS Code server did not answer within ${startTimeoutMs / 1000} s:\n${readLog(logFile)}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  if (verbose) {
    log(`VS Code ${vscodeVersion()} server on ${url} after ${Date.now() - t0} ms (pid ${child.pid})`);
  }
  const authority = `vscode-remote://127.0.0.1:${p}`;
  return {
    profile,
    url,
    port: p,
    logFile,
    child,
    stop,
    /** the vscode-remote URI string of a server-side path */
    remote: (fsPath) => authority + path.resolve(fsPath).split(path.sep).map(encodeURIComponent).join('/'),
    /** the server log plus the remote extension host logs (what to print when something failed) */
    logs: () => collectLogs(profile.base, logFile),
    /** the end of the newest extension host's log of this extension (what it did in a check that failed) */
    extensionLog: (max = 6000) => newestExtensionLog(profile.base, max),
  };
}

// Workbench URL: ?folder=... plus the payload (extensionDevelopmentPath, extensionTestsPath, skipWelcome).
function workbenchUrl(server, { folder, extensionDevelopmentPath = [], extensionTestsPath, openFile } = {}) {
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (openFile) {
    payload.push(['openFile', server.remote(path.resolve(openFile))]);
  }
  for (const d of extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', server.remote(d)]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', server.remote(extensionTestsPath)]);
  }
  const q = folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true';
  return `${server.url}/?${q}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function readLog(file, max = 200000) {
  try {
    const s = fs.readFileSync(file, 'utf8');
    return s.length > max ? '[...]\n' + s.slice(-max) : s;
  } catch {
    return '(no log)';
  }
}

/** Every file under the profile's log folder (the server's and each extension host's logs), walked in order. */
function logFiles(base) {
  const files = [];
  const walk = (d) => {
    let entries = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(f);
      } else {
        files.push(f);
      }
    }
  };
  walk(path.join(base, 'user-data', 'logs'));
  return files;
}

function newestExtensionLog(base, max) {
  let newest = null;
  for (const f of logFiles(base)) {
    if (path.basename(f) !== 'Form 4 Inspector.log') continue;
    const mtime = fs.statSync(f).mtimeMs;
    if (!newest || mtime > newest.mtime) newest = { file: f, mtime };
  }
  return newest
    ? `--- ${path.relative(base, newest.file)} ---\n${readLog(newest.file, max)}`
    : '(no log of the extension)';
}

function collectLogs(base, serverLog) {
  const out = [`--- VS Code server log (${serverLog}) ---`, readLog(serverLog, 60000)];
  for (const f of logFiles(base)) {
    if (!/^(remoteexthost|exthost|remoteagent)\.log$/.test(path.basename(f))) continue;
    const text = readLog(f, 60000).trim();
    if (text) {
      out.push(`--- ${path.relative(base, f)} ---`, text);
    }
  }
  return out.join('\n');
}

// VS Code 1.99 and 1.100 put the webview's id into its service worker's script URL, so every new webview registers
// a new worker and its first navigation waits for the swap (~1 s in Chromium): microsoft/vscode#245756. Current
// VS Code's pre/index.html leaves the id out of that URL and sends it in a message (microsoft/vscode#244910). For the bench's second first-paint figure, serve 1.100.3's webview host page
// with the id left out of that URL; the worker reads a window's webview id from the window's own URL, so resource
// loading is unchanged for webviews without their own workers. Returns false when the page no longer has that line.
// Chromium treats a page Playwright answered as a public one, so its browser must be started with WEBVIEW_FIX_ARGS
// (no local-network checks) for that page to reach the loopback server.
const WEBVIEW_FIX_ARGS = ['--disable-features=LocalNetworkAccessChecks'];
const WORKER_URL_ID = '&id=${ID}&remoteAuthority=';
async function fixWebviewWorkerUrl(page) {
  const file = path.join(VSCODE_DIR, 'out', 'vs', 'workbench', 'contrib', 'webview', 'browser', 'pre', 'index.html');
  const html = fs.readFileSync(file, 'utf8');
  if (!html.includes(WORKER_URL_ID)) {
    return false;
  }
  // the page's Content-Security-Policy admits its one inline script by hash: replace the hash with the new script's
  const script = /<script[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!script || !script[1].includes(WORKER_URL_ID)) {
    return false;
  }
  const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
  const fixed = script[1].replace(WORKER_URL_ID, '&remoteAuthority=');
  if (!html.includes(hash(script[1]))) {
    return false;
  }
  const patched = html.replace(hash(script[1]), hash(fixed)).replace(script[1], () => fixed);
  await page.route(
    (u) => u.pathname.endsWith('/out/vs/workbench/contrib/webview/browser/pre/index.html'),
    async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: patched });
    },
  );
  return true;
}

// Chromium through playwright-core. launchServer (not launch) so we know Chromium's pid and can register its
// process group with the watchdog; our own signal handlers replace Playwright's.
async function launchBrowser(profile, { headless = true, args = [] } = {}) {
  assertInstalled();
  const { chromium } = require('playwright-core');
  const bs = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless,
    args: [...CHROMIUM_ARGS, ...args],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: { ...process.env, HOME: profile.home, TMPDIR: profile.tmp }, // Chromium's caches stay in the profile
  });
  const proc = bs.process();
  guard(proc.pid);
  // Chromium's crashpad handlers daemonize out of its process group; they carry the profile path
  // (--database=<HOME>/.config/chromium/Crash Reports) on their command line
  const marker = profile.home + '/';
  guardMarker(marker);
  const browser = await chromium.connect(bs.wsEndpoint());
  let closed = false;
  return {
    browser,
    pid: proc.pid,
    newPage: (opts) => browser.newPage(opts),
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      await Promise.race([
        (async () => {
          await browser.close().catch(() => {});
          await bs.close().catch(() => {});
        })(),
        new Promise((r) => setTimeout(r, 5000)),
      ]);
      await killGroup(proc, 1000);
      for (const p of pidsWithMarker(marker)) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
  };
}

// Run `cleanup` once on SIGINT/SIGTERM/SIGHUP, then exit 128+signal. With `watchParent`, also when our parent
// process goes away (e.g. the @vscode/test-electron driver was killed): we would be orphaned otherwise.
// Returns a function that removes the handlers.
function onSignals(cleanup, { watchParent = false } = {}) {
  const codes = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
  let running = false;
  const handler = (sig) => {
    if (running) {
      return;
    }
    running = true;
    console.error(`\n[vscode] ${sig}: stopping VS Code and Chromium`);
    Promise.resolve()
      .then(cleanup)
      .catch((e) => console.error(e))
      .finally(() => {
        endWatchdog();
        process.exit(128 + (codes[sig] || 15));
      });
  };
  for (const s of Object.keys(codes)) {
    process.on(s, handler);
  }
  const ppid = process.ppid;
  const timer = watchParent
    ? setInterval(() => {
        if (process.ppid !== ppid) {
          handler('parent exited');
        }
      }, 1000)
    : undefined;
  if (timer) {
    timer.unref();
  }
  return () => {
    for (const s of Object.keys(codes)) {
      process.removeListener(s, handler);
    }
    if (timer) {
      clearInterval(timer);
    }
  };
}

module.exports = {
  ROOT,
  CODE_SERVER_DIR,
  SERVER_MAIN,
  VSCODE_DIR,
  CHROMIUM,
  NODE,
  vscodeVersion,
  assertInstalled,
  freePort,
  makeProfile,
  writeUserSettings,
  TEST_SETTINGS,
  serverCli,
  extensionHostPids,
  stopExtensionHosts,
  startServer,
  workbenchUrl,
  launchBrowser,
  fixWebviewWorkerUrl,
  WEBVIEW_FIX_ARGS,
  onSignals,
  endWatchdog,
  readLog,
};
