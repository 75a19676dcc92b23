/** The README starts as a newcomer needs it; its rule table and links are checked with the other documents (docs.test.ts). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
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
