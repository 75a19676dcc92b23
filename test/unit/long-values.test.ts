import { strict as assert } from 'node:assert';
import { inspectText } from '../../src/core/inspect';
import { baseForm4 } from '../fuzz/redos';

describe('a number longer than the checks compute with', () => {
  it('gets a read-limit finding at its place saying the tally cannot check its row', () => {
    const padded = '47000'.padStart(65, '0');
    const xml = baseForm4().replace(
      /(<sharesOwnedFollowingTransaction><value>)[^<]*/,
      (_m, open: string) => open + padded,
    );
    const out = inspectText(xml, 'long.xml');
    assert.ok(out.ok);
    if (!out.ok) return;
    const f = out.filing.findings.find((x) => x.rule === 'read-limit');
    assert.ok(f, JSON.stringify(out.filing.findings));
    assert.equal(xml.slice(f.span!.start, f.span!.end), padded);
    assert.match(f.message, /65 characters.*tally cannot check its row/);
  });
});
