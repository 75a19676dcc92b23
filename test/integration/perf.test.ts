/**
 * Figures for `npm run bench` (section "extension"), measured in the real VS Code: activation time and the preview's
 * first paint. Registered only when FORM4_PERF_OUT names a file to write them to; the normal suite never times anything.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Form4Api } from '../../src/extension/extension';
import type { FirstPaint } from '../../src/extension/editor';
import { activate, waitFor, workspaceUri } from './helpers';

const OUT = process.env.FORM4_PERF_OUT;
const ROUNDS = 7;

if (OUT) {
  describe('perf (npm run bench)', function () {
    this.timeout(180000);

    it('measures activation and the preview first paint', async () => {
      const a = await activate<Form4Api>();
      const paints: (FirstPaint & { file: string })[] = [];
      for (const file of ['alto-ingredients-form4.xml', 'multiple-owners-indirect-form4.xml']) {
        const uri = workspaceUri(file);
        for (let i = 0; i < ROUNDS; i++) {
          const before = a.firstPaints.length;
          await vscode.commands.executeCommand('vscode.openWith', uri, 'form4Inspector.preview');
          const p = await waitFor(
            'the first paint',
            () => a.firstPaints.length > before && a.firstPaints[a.firstPaints.length - 1],
            30000,
          );
          paints.push({ ...p, file });
          await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        }
      }
      fs.writeFileSync(
        OUT,
        JSON.stringify(
          {
            vscode: vscode.version,
            activationMs: a.activationMs,
            loadMs: a.loadMs,
            activateBodyMs: a.activateBodyMs,
            activationCpuMs: a.activationCpuMs,
            paints,
          },
          null,
          2,
        ),
      );
    });
  });
}
