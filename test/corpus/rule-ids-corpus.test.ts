/** Every finding on the corpus has an id in the rule catalogue (the hand-made fixtures: test/unit/rule-ids.test.ts). */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CORPUS_DIR, corpusOrSkip } from '../helpers/shared';
import { filingFiles, unknownRuleIds } from '../helpers/rule-ids';

describe('rule ids over the corpus', () => {
  it('cover every finding on every corpus file, and on the cross-filing reconciliation of them', async function () {
    corpusOrSkip(this);
    this.timeout(240000);
    const files = ['xml', 'txt', 'doc', 'html', 'pdf', 'pdf-printed'].flatMap((d) =>
      filingFiles(path.join(CORPUS_DIR, d)),
    );
    assert.ok(files.length > 500, `${files.length} files`);
    assert.deepEqual(await unknownRuleIds(files), [], 'finding ids missing from RULES');
  });
});
