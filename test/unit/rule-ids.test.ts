/**
 * Every finding any parser or rule emits has an id in the rule catalogue, so that severities can be set for it,
 * the README documents it and diagnostics link to it. Runs every hand-made fixture and example (the corpus:
 * test/corpus/rule-ids-corpus.test.ts).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules';
import { REPO_ROOT } from '../helpers/shared';
import { filingFiles, unknownRuleIds } from '../helpers/rule-ids';

describe('rule ids', () => {
  it('are unique kebab-case', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('cover every finding on the fixtures and the examples', async function () {
    const files = [
      ...filingFiles(path.join(REPO_ROOT, 'test', 'fixtures')),
      ...filingFiles(path.join(REPO_ROOT, 'examples')),
    ];
    assert.ok(files.length > 100, `${files.length} files`);
    assert.deepEqual(await unknownRuleIds(files), [], 'finding ids missing from RULES');
  });
});
