// Screenshots for the README, in the light and the dark theme: a filing with findings open in its default
// editor, the preview beside it (the manifest's "...openPreview" command), the Problems panel, and the
// Form 4 tree view.
// UPDATE_SCREENSHOTS=1 npm run test:ui writes them to media/screenshots/.

export const checks = [
  {
    name: 'screenshots in the light and the dark theme',
    timeout: 120000,
    async run(wb) {
      await wb.openFile('holdings-mismatch-form4.xml');
      await wb.runCommand('Form 4: Open Preview');
      await wb.frameWith('body', { hasText: 'Northwind Biosciences' });
      // the screenshots show the findings in the Problems panel and the filing in the Form 4 view
      const problems = await wb.problems();
      await problems.locator('.monaco-list-row', { hasText: 'holdings-reconcile' }).first().waitFor({ timeout: 15000 });
      const tree = await wb.showView('Form 4', { timeout: 15000 });
      await tree.locator('.monaco-list-row', { hasText: 'Northwind Biosciences' }).first().waitFor({ timeout: 15000 });
      for (const kind of ['light', 'dark']) {
        await wb.setTheme(kind);
        await wb.screenshot(`workbench-${kind}`, { readme: true });
      }
    },
  },
];
