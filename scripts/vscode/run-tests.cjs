#!/usr/bin/env node
// Runs an extension's mocha suite inside a real VS Code: VS Code's server (from code-server, see host.cjs) on
// 127.0.0.1 runs the Node extension host; headless Chromium opens the workbench with the extension under
// development and the compiled suite (`extensionTestsPath`) in the URL payload. When the suite's run()
// settles, the workbench calls window.codeAutomationExit(code); we exit with that code.
//
// It takes VS Code's own command line, so @vscode/test-electron's runTests() can use it as its
// `vscodeExecutablePath` (see test-integration.cjs):
//   run-tests.cjs [WORKSPACE] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [other VS Code flags]
// Other desktop flags (--no-sandbox, --user-data-dir=..., ...) are accepted and ignored: every run gets a
// fresh temporary HOME, user-data, server-data and extensions dir.
//
// Exit codes: the extension host's (0 = all passed); 2 = hard timeout (VSCODE_TEST_TIMEOUT seconds, default
// 600), with "timed out after N s"; 1 = anything else; 128+n on signal n. The VS Code server log and the
// extension host log are printed whenever the exit code is not 0. VERBOSE=1 prints all workbench logs.
'use strict';
const fs = require('fs');
const util = require('util');
const host = require('./host.cjs');

// workbench log lines that say nothing about the tests
const NOISE =
  /^(Creating a socket|Resolv|Updating additional|\[Service Worker\]|ChatSessionStore|getaddrinfo|Overwriting extension|Started local extension host|Loading development extension|\[Extension Host\] (Creating|Started)|Extension host .* started|%c)/;
const SUMMARY = /^(\w+: )?\d+ passed, \d+ failed(, \d+ skipped)?$/;

function parseArgs(argv) {
  const dev = [],
    positional = [];
  let tests;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!m) {
      positional.push(argv[i]);
      continue;
    }
    const value = () => (m[2] !== undefined ? m[2] : argv[++i]);
    if (m[1] === 'extensionDevelopmentPath') {
      dev.push(value());
    } else if (m[1] === 'extensionTestsPath') {
      tests = value();
    } else if (
      ['user-data-dir', 'extensions-dir', 'folder-uri', 'file-uri', 'locale', 'log'].includes(m[1]) &&
      m[2] === undefined
    ) {
      i++;
    }
  }
  if (!dev.length || !tests) {
    throw new Error('usage: run-tests.cjs [WORKSPACE] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE');
  }
  return { extensionDevelopmentPath: dev, extensionTestsPath: tests, workspace: positional[0] };
}

async function runTests({ extensionDevelopmentPath, extensionTestsPath, workspace, timeoutS = 600, verbose = false }) {
  const t0 = Date.now();
  let server,
    browser,
    code = 1,
    summary,
    timedOut = false;
  const cleanup = async () => {
    if (browser) {
      await browser.close();
    }
    if (server) {
      await server.stop();
    }
  };
  const offSignals = host.onSignals(cleanup, { watchParent: true });
  // the suite (test/integration/index.ts) also writes its summary line here, in case the log relay loses it
  const summaryFile = process.env.FORM4_TEST_SUMMARY_FILE || undefined;
  try {
    if (!fs.existsSync(extensionTestsPath) && !fs.existsSync(extensionTestsPath + '.js')) {
      throw new Error(`extensionTestsPath not found: ${extensionTestsPath}`);
    }
    server = await host.startServer({ verbose: true, profile: host.makeProfile({ settings: host.TEST_SETTINGS }) });
    const fixWorker = process.env.FORM4_FIX_WEBVIEW_WORKER === '1';
    browser = await host.launchBrowser(server.profile, { args: fixWorker ? host.WEBVIEW_FIX_ARGS : [] });
    const page = await browser.newPage();
    let settle;
    const exited = new Promise((r) => {
      settle = r;
    });
    // everything the workbench logs, including the extension host's console (the mocha reporter)
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = util.format(...(args || [])).replace(/\s+$/, '');
      if (SUMMARY.test(text)) {
        summary = text;
      }
      if (verbose || !NOISE.test(text)) {
        console.log(text);
      }
    });
    await page.exposeFunction('codeAutomationExit', (exitCode) => settle(exitCode));
    if (verbose) {
      page.on('console', (m) => console.log('[browser]', m.type(), m.text()));
    }
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
    page.on('crash', () => settle(1));

    if (fixWorker && !(await host.fixWebviewWorkerUrl(page))) {
      throw new Error(
        "FORM4_FIX_WEBVIEW_WORKER: this VS Code's webview page has no webview id in its worker URL to leave out",
      );
    }
    await page.goto(host.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath, extensionTestsPath }));
    let timer;
    const result = await Promise.race([
      exited,
      new Promise((r) => {
        timer = setTimeout(() => r('timeout'), timeoutS * 1000);
      }),
    ]);
    clearTimeout(timer);
    if (result === 'timeout') {
      timedOut = true;
      code = 2;
    } else {
      code = typeof result === 'number' ? result : 1;
    }
  } catch (e) {
    console.error(e && e.stack ? e.stack : String(e));
    code = 1;
  } finally {
    if (code !== 0 && server) {
      console.error(server.logs());
    }
    await cleanup();
    offSignals();
    host.endWatchdog();
  }
  if (!summary && summaryFile) {
    try {
      summary = fs.readFileSync(summaryFile, 'utf8').trim() || undefined;
    } catch {
      /* none written */
    }
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (timedOut) {
    console.error(
      `integration tests timed out after ${timeoutS} s (VSCODE_TEST_TIMEOUT); VS Code and Chromium were stopped`,
    );
  }
  console.log(`VS Code ${host.vscodeVersion()}: extension host exit code ${code} (${secs} s)`);
  // the plain "N passed, N failed" line stays last (test-integration.cjs, which sets the summary file, prints
  // it itself after @vscode/test-electron's own closing lines)
  if (summary && !summaryFile) {
    console.log(summary);
  }
  return code;
}

if (require.main === module) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const timeoutS = Number(process.env.VSCODE_TEST_TIMEOUT || 600);
  runTests({ ...opts, timeoutS, verbose: !!process.env.VERBOSE }).then((code) => process.exit(code));
}

module.exports = { runTests, parseArgs };
