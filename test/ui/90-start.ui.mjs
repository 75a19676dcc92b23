// `npm start` as a newcomer meets it: its own VS Code server on a free port, the example folder as the workspace,
// and examples/alto-ingredients-form4.xml shown in the Form 4 preview beside its source with the Form 4 view open
// (`start.cjs --check` waits for all three in headless Chromium). Runs apart from the shared workbench: the start
// script names the filing to the extension host of a server of its own.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from './expect.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

export const checks = [
  {
    name: 'npm start opens the example filing in the Form 4 preview, with the Form 4 view',
    standalone: true,
    timeout: 300000,
    async run() {
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'vscode', 'start.cjs'), '--check', '--port', '0'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code === 0, `start.cjs --check exited ${code}:\n${out.slice(-3000)}`);
      expect(
        out.includes('alto-ingredients-form4.xml in the Form 4 preview and the Form 4 view open'),
        `start.cjs --check did not report the preview:\n${out.slice(-3000)}`,
      );
    },
  },
];
