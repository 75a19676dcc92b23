import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core/rules';
import { ruleOfPath, ruleSection } from '../../src/extension/ruleDocsText';

const REFERENCE = readFileSync(join(__dirname, '..', '..', 'docs', 'RULES.md'), 'utf8');

describe("a rule's documentation page", () => {
  it('is the section of every rule of the catalogue, from its heading to the next rule', () => {
    for (const r of RULES) {
      const s = ruleSection(REFERENCE, r.id);
      assert.ok(s, `no section for ${r.id}`);
      assert.ok(s.startsWith(`# \`${r.id}\``), `${r.id} starts with its heading: ${s.slice(0, 60)}`);
      assert.ok(!s.includes('<a id="rule-'), `${r.id} holds no other rule`);
      assert.ok(!/^## /m.test(s), `${r.id} holds no chapter heading`);
    }
  });

  it('links another rule to its own page and any other anchor to the whole reference', () => {
    const s = ruleSection(REFERENCE, 'holdings-reconcile-rounding')!;
    assert.match(s, /\[`holdings-reconcile`\]\(holdings-reconcile\.md\)/);
    assert.match(s, /\]\(RULES\.md#source-f4\)/);
    assert.ok(!s.includes('](#'), 'no anchor left that the page does not hold');
  });

  it('is undefined for an id the reference does not document', () => {
    assert.equal(ruleSection(REFERENCE, 'no-such-rule'), undefined);
    assert.equal(ruleSection('# x\n', 'holdings-reconcile'), undefined);
  });

  it('reads the rule from the document path, never from anything else', () => {
    assert.equal(ruleOfPath('/holdings-reconcile.md'), 'holdings-reconcile');
    assert.equal(ruleOfPath('/RULES.md'), undefined);
    assert.equal(ruleOfPath('/../x.md'), undefined);
    assert.equal(ruleOfPath('/a/b.md'), undefined);
  });
});
