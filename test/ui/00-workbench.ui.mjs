// The workbench itself: it loads with the example filings, and the extension under development activates.
export const checks = [
  {
    name: 'workbench loads with the example filings as the workspace',
    async run(wb) {
      await wb.ready();
      await wb.page
        .locator('.window-title, .command-center', { hasText: 'Extension Development Host' })
        .first()
        .waitFor({ timeout: 20000 });
      for (const f of [
        'alto-ingredients-form4.xml',
        'holdings-mismatch-form4.xml',
        'quillfeather-form4-submission.txt',
      ]) {
        await wb.explorerItem(f).waitFor({ timeout: 20000 });
      }
    },
  },
  {
    name: 'opening a filing activates Form 4 Inspector',
    async run(wb) {
      await wb.openFile('alto-ingredients-form4.xml');
      // the list names an extension by its displayName, or by its id when it shows a development build
      const ours = (n) => n === 'Form 4 Inspector' || n === 'form4-inspector.form4-inspector';
      // activation is asynchronous: reopen the list until it shows up
      let last = [];
      const names = await wb
        .until(
          'Form 4 Inspector among the running extensions',
          async () => {
            last = await wb.runningExtensions();
            return last.some(ours) && last;
          },
          { timeout: 30000, interval: 500 },
        )
        .catch((e) => {
          throw new Error(`${e.message}; running: ${last.join(', ')}`);
        });
      const row = wb.page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: names.find(ours) });
      const text = await row.innerText();
      if (!/Activation/.test(text)) {
        throw new Error(`no activation time shown: ${text}`);
      }
    },
  },
];
