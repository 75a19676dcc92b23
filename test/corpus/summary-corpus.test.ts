/**
 * The plain-language summary over the corpus: every filing read gets sentences, each a full sentence with no
 * placeholder leaking.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { summarize } from '../../src/core/summary';
import { corpusFiles, corpusOrSkip } from '../helpers/shared';
import { inspectBytes } from '../../src/core/inspect';

describe('summary: the corpus', () => {
  it('every filing read gets sentences, each a full sentence with no placeholder leaking (undefined, NaN, null, [object])', async function () {
    corpusOrSkip(this);
    this.timeout(180000);
    let n = 0;
    for (const file of [...corpusFiles('xml'), ...corpusFiles('txt')]) {
      const out = await inspectBytes(fs.readFileSync(file), file, { noRules: true });
      if (!out.ok) continue;
      n++;
      const s = summarize(out.filing);
      assert.ok(s.length > 0, file);
      for (const x of s) {
        assert.ok(!/undefined|NaN|\bnull\b|\[object|No summary/.test(x), `${file}: ${x}`);
        assert.match(x, /[.)"]$/, `${file}: ${x}`);
        assert.ok(!/\.\.(\s|$)/.test(x), `${file}: double period: ${x}`);
      }
    }
    assert.ok(n > 400, `${n} filings`);
  });
});
