// A PDF opens in the Form 4 preview by default (a double click in the Explorer), not as its raw bytes in a text
// editor, and shows the accession number its metadata gives; View: Reopen Editor With... still offers the other
// editors.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaled } from '../../scripts/vscode/workbench.mjs';

export const checks = [
  {
    name: 'PDF: a double click opens it in the Form 4 preview, with the accession number of its metadata',
    timeout: 120000,
    workspace: (dir) =>
      copyFileSync(new URL('../fixtures/pdf/form4-synthetic.pdf', import.meta.url), join(dir, 'synthetic-form4.pdf')),
    async run(wb) {
      await wb.openFromExplorer('synthetic-form4.pdf');
      const f = await wb.frameWith('#root .form-title', { hasText: 'FORM 4', timeout: scaled(60000) });
      await f
        .locator('#root table')
        .first()
        .waitFor({ timeout: scaled(15000) });
      // the plain way back to other editors
      await wb.runCommand('View: Reopen Editor With...');
      await wb.page
        .locator('.quick-input-widget .monaco-list-row', { hasText: 'Text Editor' })
        .first()
        .waitFor({ timeout: scaled(15000) });
      await wb.closeQuickInput();
      await wb.screenshot('pdf-default');
    },
  },
];
