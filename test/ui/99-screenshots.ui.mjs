// Screenshots for the README, in the light and the dark theme: a filing with findings open in its default
// editor, the preview beside it (the manifest's "...openPreview" command), the Problems panel, and the
// Form 4 tree view.
// UPDATE_SCREENSHOTS=1 npm run test:ui writes them to media/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const checks = [
  {
    name: 'screenshots in the light and the dark theme',
    timeout: 120000,
    async run(wb) {
      await wb.closeAllEditors();
      await wb.openFile('holdings-mismatch-form4.xml');
      const manifest = JSON.parse(readFileSync(join(wb.root, 'package.json'), 'utf8'));
      const preview = (manifest.contributes?.commands ?? []).find((c) => c.command.endsWith('.openPreview'));
      if (preview) {
        await wb.runCommand(preview.category ? `${preview.category}: ${preview.title}` : preview.title);
        await wb.frameWith('body', { hasText: 'Northwind Biosciences' });
      }
      await wb.problems();
      await wb.showView('Form 4', { timeout: 5000 }).catch(() => {
        /* no tree view contributed (yet) */
      });
      await wb.page.waitForTimeout(1500); // let the preview and the diagnostics settle
      for (const kind of ['light', 'dark']) {
        await wb.setTheme(kind);
        await wb.screenshot(`workbench-${kind}`, { readme: true });
      }
      await wb.setTheme('light');
    },
  },
];
