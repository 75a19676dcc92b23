#!/usr/bin/env node
// `npm start`: builds the extension and serves a real VS Code (1.100, from code-server; see host.cjs) on
// 127.0.0.1 with the extension loaded as a development extension and examples/ as the workspace. Open the
// printed URL in a browser. Runs until Ctrl-C, then stops VS Code and everything it started.
//
//   npm start [-- [--port N] [--watch] [--check] [--open FILE] [FOLDER]]
//     FOLDER   the workspace to open (default: examples/)
//     --open   a filing of FOLDER to show in the Form 4 preview beside its source, with the Form 4 view
//              (default: examples/alto-ingredients-form4.xml when FOLDER is examples/)
//     --port   the port to listen on (default: $PORT or 8730; a free one when that is taken)
//     --watch  rebuild on every change (then run "Developer: Reload Window" in VS Code)
//     --check  open the workbench once in headless Chromium, check that it shows the workspace (and the
//              filing of --open in the preview and the Form 4 view), and exit
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
    open: undefined,
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
    } else if (a === '--open') {
      opts.open = argv[++i];
    } else if (a.startsWith('--open=')) {
      opts.open = a.slice(7);
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
  if (opts.open) {
    opts.open = path.resolve(opts.open);
  } else if (opts.folder === path.join(ROOT, 'examples')) {
    opts.open = path.join(ROOT, 'examples', 'alto-ingredients-form4.xml');
  }
  if (opts.open && path.relative(opts.folder, opts.open).startsWith('..')) {
    throw new Error(`--open ${opts.open}: not a file of the workspace ${opts.folder}`);
  }
  return opts;
}

/** Waits until the Form 4 preview of `name` shows the form and the Form 4 view is open beside the workspace. */
async function previewShown(page, name) {
  const t0 = Date.now();
  for (;;) {
    let title = false;
    for (const f of page.frames()) {
      if (
        f !== page.mainFrame() &&
        (await f
          .locator('#root .form-title')
          .count()
          .catch(() => 0))
      ) {
        title = true;
        break;
      }
    }
    const tab = await page.locator('.tabs-container .tab', { hasText: name }).count();
    const view = await page.locator('.pane-header[aria-expanded="true"]', { hasText: 'Form 4' }).count();
    if (title && tab >= 2 && view) {
      return;
    }
    if (Date.now() - t0 > 60000) {
      throw new Error(
        `after 60 s: preview form ${title ? 'shown' : 'missing'}, ${tab} tab(s) of ${name}, Form 4 view ${view ? 'open' : 'closed'}`,
      );
    }
    await page.waitForTimeout(250);
  }
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
    console.log(
      '[start] VS Code is not installed yet: installing it once (npm run setup; a few minutes on a 2-core machine, progress below)',
    );
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
  // The extension shows the filing named here in its preview once the workbench has opened it (openOnStart.ts).
  const env = opts.open ? { FORM4_OPEN_PREVIEW: opts.open } : {};
  server = await host.startServer({ profile, port: opts.port, env });
  const url = host.workbenchUrl(server, {
    folder: opts.folder,
    extensionDevelopmentPath: [ROOT],
    openFile: opts.open,
  });

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
      if (opts.open) {
        await previewShown(page, path.basename(opts.open));
      }
      console.log(
        `[start] check ok: ${url.split('?')[0]} serves VS Code ${host.vscodeVersion()} with the extension and ${path.relative(ROOT, opts.folder) || '.'}/${opts.open ? `, ${path.basename(opts.open)} in the Form 4 preview and the Form 4 view open` : ''}`,
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
