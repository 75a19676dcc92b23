/**
 * The V8 flags `form4 check` sets in its own process (src/cli/scan/engine.ts): each must be one this Node's V8
 * knows, or V8 prints "unrecognized flag" into the check's output instead of tuning it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CHECK_V8_FLAGS } from '../../src/cli/scan/engine';

describe('cli: the V8 flags of the check', function () {
  it('are each known to this Node, set at run time without a word on stdout or stderr', function () {
    assert.ok(CHECK_V8_FLAGS.length > 0);
    for (const flag of CHECK_V8_FLAGS) {
      const r = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], {
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, flag);
      assert.equal(`${r.stdout}${r.stderr}`, '', flag);
    }
  });

  it('would say so for a flag V8 does not know (the check above can fail)', function () {
    const r = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('--no-such-flag-form4')`], {
      encoding: 'utf8',
    });
    assert.match(`${r.stdout}${r.stderr}`, /unrecognized flag/);
  });
});
