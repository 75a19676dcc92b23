// The rule id of a finding in the Problems panel links to that rule's documentation: a click shows the rule's section
// rendered (VS Code's Markdown preview), read-only, and not the installed docs/RULES.md as an editable file.
import { scaled } from '../../scripts/vscode/workbench.mjs';
import { expect } from './expect.mjs';

export const checks = [
  {
    name: "Problems panel: a rule id opens the rule's rendered documentation, read-only, at the rule",
    timeout: 120000,
    async run(wb) {
      await wb.openFromExplorer('holdings-mismatch-form4.xml');
      const problems = await wb.problems();
      const row = problems.locator('.monaco-list-row', { hasText: 'holdings-reconcile' }).first();
      await row.waitFor({ timeout: scaled(20000) });
      await row.locator('a', { hasText: 'holdings-reconcile' }).first().click();

      await wb
        .tab('holdings-reconcile')
        .first()
        .waitFor({ timeout: scaled(20000) });
      const f = await wb.frameWith('h1', { hasText: 'Running tally of amounts owned', timeout: scaled(30000) });
      const heading = await f.locator('h1').first().innerText();
      expect(/holdings-reconcile.*Running tally of amounts owned/.test(heading), `the first heading: ${heading}`);
      // rendered, not raw Markdown; the rule's own section, not the reference from its top
      const text = await f.locator('body').innerText();
      expect(!text.includes('**Default:**'), 'the Markdown is rendered');
      expect(!text.includes('Rules reference'), "the page starts at the rule, not at the reference's top");
      expect((await wb.tab('RULES.md').count()) === 0, 'docs/RULES.md is not opened as a file');
      await wb.screenshot('rule-link');
    },
  },
];
