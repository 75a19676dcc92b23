#!/usr/bin/env node
// `npm start`: builds the extension and serves a real VS Code (1.100, from code-server; see host.cjs) on
// 127.0.0.1 with the extension loaded as a development extension and examples/ as the workspace. Open the
// printed URL in a browser. Runs until Ctrl-C, then stops VS Code and everything it started.
//
//   npm start [-- [--port N] [--watch] [--check] [FOLDER]]
//     FOLDER   the workspace to open (default: examples/)
//     --port   the port to listen on (default: $PORT or 8730; a free one when that is taken)
//     --watch  rebuild on every change (then run "Developer: Reload Window" in VS Code)
//     --check  open the workbench once in headless Chromium, check that it shows the workspace, and exit
//
// Settings, layout and installed extensions persist in .vscode-test/start-profile/ (delete it to reset).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const host = require('./host.cjs');

const ROOT = host.ROOT;
let watcher,
  server,
  browser,
  stopping = false;

function parseArgs(argv) {
  const opts = {
    port: Number(process.env.PORT || 8730),
    watch: false,
    check: false,
    folder: path.join(ROOT, 'examples'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--watch') {
      opts.watch = true;
    } else if (a === '--check') {
      opts.check = true;
    } else if (a === '--port') {
      opts.port = Number(argv[++i]);
    } else if (a.startsWith('--port=')) {
      opts.port = Number(a.slice(7));
    } else if (a === '-h' || a === '--help') {
      opts.help = true;
    } else if (!a.startsWith('-')) {
      opts.folder = path.resolve(a);
    } else {
      throw new Error(`unknown option ${a} (see npm start -- --help)`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error('--port needs a number 0..65535');
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(
      fs
        .readFileSync(path.join(__dirname, 'start.cjs'), 'utf8')
        .split('\n')
        .slice(1)
        .filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('//')))
        .map((l) => l.replace(/^\/\/ ?/, ''))
        .join('\n'),
    );
    return 0;
  }
  if (!fs.existsSync(opts.folder)) {
    throw new Error(`no such folder: ${opts.folder}`);
  }
  try {
    host.assertInstalled();
  } catch {
    console.log('[start] VS Code is not installed yet: running npm run setup (once, about a minute)');
    const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-vscode.sh')], { stdio: 'inherit' });
    if (r.status !== 0) {
      throw new Error('npm run setup failed');
    }
  }

  const cleanup = async () => {
    stopping = true;
    if (browser) {
      await browser.close();
    }
    if (watcher && watcher.exitCode === null) {
      watcher.kill('SIGTERM');
    }
    if (server) {
      await server.stop();
    }
  };
  const offSignals = host.onSignals(cleanup);

  if (opts.watch) {
    watcher = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--watch'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } else {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      throw new Error('the build failed');
    }
  }

  const profile = host.makeProfile({ dir: path.join(ROOT, '.vscode-test', 'start-profile') });
  server = await host.startServer({ profile, port: opts.port });
  const url = host.workbenchUrl(server, { folder: opts.folder, extensionDevelopmentPath: [ROOT] });

  if (opts.check) {
    let code = 0;
    try {
      browser = await host.launchBrowser(profile);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      await page
        .locator('.window-title, .command-center', { hasText: 'Extension Development Host' })
        .first()
        .waitFor({ timeout: 30000 });
      const first = fs
        .readdirSync(opts.folder)
        .filter((f) => !f.startsWith('.'))
        .sort()[0];
      if (first) {
        await page
          .locator('.explorer-folders-view .monaco-list-row', { hasText: first })
          .first()
          .waitFor({ timeout: 30000 });
      }
      console.log(
        `[start] check ok: ${url.split('?')[0]} serves VS Code ${host.vscodeVersion()} with the extension and ${path.relative(ROOT, opts.folder) || '.'}/`,
      );
    } catch (e) {
      console.error(`[start] check failed: ${e.message}\n${server.logs()}`);
      code = 1;
    }
    await cleanup();
    offSignals();
    host.endWatchdog();
    return code;
  }

  console.log(`
  Form 4 Inspector in VS Code ${host.vscodeVersion()}, workspace ${path.relative(ROOT, opts.folder) || '.'}/
  Open in your browser:

    ${url}

  ${opts.watch ? 'Rebuilding on change: run "Developer: Reload Window" after an edit. ' : ''}Ctrl-C stops it. Server log: ${path.relative(ROOT, server.logFile)}
`);
  const opener = process.env.BROWSER || (process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? 'xdg-open' : '');
  if (opener) {
    const o = spawn(opener, [url], { stdio: 'ignore', detached: true });
    o.on('error', () => {
      /* no browser to open: the URL is printed */
    });
    o.unref();
  }
  // run until Ctrl-C (handled by onSignals) or until the server dies
  const code = await new Promise((resolve) =>
    server.child.once('exit', (c, s) => {
      if (!stopping) {
        resolve({ c, s });
      }
    }),
  );
  console.error(
    `[start] VS Code server exited (${code.c ?? code.s}); its log:\n${host.readLog(server.logFile, 20000)}`,
  );
  await cleanup();
  offSignals();
  host.endWatchdog();
  return 1;
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    console.error(`[start] ${e.message}`);
    if (watcher && watcher.exitCode === null) {
      watcher.kill('SIGTERM');
    }
    if (server) {
      await server.stop();
    }
    host.endWatchdog();
    process.exit(1);
  },
);
