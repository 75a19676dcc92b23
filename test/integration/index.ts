// The mocha runner that VS Code's extension host loads (`extensionTestsPath`). VS Code calls run() once the
// extension under development is registered; a rejection makes the extension host exit with code 1.
//
// Every `test/integration/**/*.test.ts` is a suite: scripts/vscode/compile-tests.mjs bundles each one to
// out/test/integration/**/*.test.js (with `vscode` and `mocha` left external) and this runner loads them
// all, in path order. Adding a suite file is all it takes. Suites use mocha's BDD interface (describe/it),
// like the unit tests.
//
// Environment: FORM4_TEST_GREP (a mocha --grep pattern), FORM4_TEST_SUMMARY_FILE (where the closing line
// is also written, read by the runner when the log relay loses it). The closing line is plain:
//   integration: N passed, N failed, N skipped
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function suiteFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 30000,
    slow: 5000,
    ...(process.env.FORM4_TEST_GREP ? { grep: process.env.FORM4_TEST_GREP } : {}),
  });
  const files = suiteFiles(__dirname);
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const s = runner.stats ?? { passes: 0, failures, pending: 0 };
        const line = `integration: ${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`;
        console.log(line);
        if (process.env.FORM4_TEST_SUMMARY_FILE) {
          try {
            fs.writeFileSync(process.env.FORM4_TEST_SUMMARY_FILE, line + '\n');
          } catch {
            /* the relayed log line is enough */
          }
        }
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (s.passes === 0) reject(new Error(`no integration test ran (${files.length} suite files)`));
        else resolve();
      });
    } catch (e) {
      // a suite file that throws while loading
      console.error(e);
      console.log('integration: 0 passed, 1 failed, 0 skipped');
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
