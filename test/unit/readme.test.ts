/** The README's tables stay current with the code: the rule table is the catalogue's own. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules';
import { RULES_TABLE_END, RULES_TABLE_START, rulesMarkdownTable } from '../../src/core/rules/table';

const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('holds the current rule table (run `npm run readme:rules` after changing a rule)', () => {
    const i = readme.indexOf(RULES_TABLE_START);
    const j = readme.indexOf(RULES_TABLE_END);
    assert.ok(i >= 0 && j > i, 'rules markers missing in README.md');
    assert.equal(readme.slice(i + RULES_TABLE_START.length, j).trim(), rulesMarkdownTable().trim());
  });
  it('lists every rule id once', () => {
    for (const r of RULES) assert.equal(readme.split(`<a id="rule-${r.id}"></a>\`${r.id}\` |`).length - 1, 1, r.id);
  });
  it('starts with the two set-up commands', () => {
    const firstBlock = /```(?:bash|sh)?\n([\s\S]*?)```/.exec(readme);
    assert.ok(firstBlock, 'no code block');
    const cmds = firstBlock[1].split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    assert.equal(cmds.length, 2, cmds.join(' / '));
    const ci = fs.readFileSync(path.resolve(__dirname, '..', '..', '.ci', 'run'), 'utf8');
    assert.ok(ci.length > 0);
    assert.match(cmds[1], /bash \.ci\/run/);
  });
});
