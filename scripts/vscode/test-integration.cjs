#!/usr/bin/env node
// `npm run test:integration`: runs the compiled suite (out/test/integration, see compile-tests.mjs) in a real
// VS Code the standard way, with @vscode/test-electron's runTests(). Its `vscodeExecutablePath` is our
// runner (run-tests.cjs), which stands in for a VS Code executable, so nothing is downloaded.
// The workspace is a fresh temporary copy of examples/ (suites may edit it); extensionTestsEnv passes
// FORM4_INTEGRATION=1 and the summary file to the extension host.
// Knobs: VSCODE_TEST_TIMEOUT (seconds, default 600), FORM4_TEST_GREP, VERBOSE=1, KEEP_TMP=1.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const host = require('./host.cjs');

const ROOT = host.ROOT;
const SUITE = path.join(ROOT, 'out', 'test', 'integration', 'index.js');

async function main() {
  for (const [file, fix] of [
    [path.join(ROOT, 'dist', 'extension.js'), 'npm run build'],
    [SUITE, 'node scripts/vscode/compile-tests.mjs'],
  ]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${path.relative(ROOT, file)} is missing: run ${fix}`);
    }
  }
  host.assertInstalled();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-it-'));
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  const summaryFile = path.join(tmp, 'summary.txt');
  let code = 0;
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'run-tests.cjs'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [workspace],
      extensionTestsEnv: {
        FORM4_INTEGRATION: '1',
        FORM4_TEST_SUMMARY_FILE: summaryFile,
        ...(process.env.FORM4_PERF_OUT ? { FORM4_PERF_OUT: process.env.FORM4_PERF_OUT } : {}),
      },
    });
  } catch (e) {
    code = typeof e.code === 'number' && e.code > 0 ? e.code : 1;
    console.error(`integration tests failed: ${e.message}`);
  }
  let summary = '';
  try {
    summary = fs.readFileSync(summaryFile, 'utf8').trim();
  } catch {
    /* the suite never finished */
  }
  if (!process.env.KEEP_TMP) {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (!summary) {
    summary = 'integration: 0 passed, 1 failed, 0 skipped';
    if (code === 0) {
      code = 1;
      console.error('the suite wrote no summary line');
    }
  }
  console.log(summary); // last line: the plain "integration: N passed, N failed, N skipped"
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e.message);
    console.log('integration: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  },
);
