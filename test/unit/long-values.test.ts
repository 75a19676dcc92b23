import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

describe('a number longer than the checks compute with, in a form read from text', () => {
  it('gets a value-format finding at its place saying the tally cannot check its row', () => {
    const fixture = fs.readFileSync(
      path.join(__dirname, '..', 'fixtures', 'text', 'form4-pre2003-pipe-table.txt'),
      'utf8',
    );
    const padded = '18500'.padStart(65, '0');
    const text = fixture.replace('|18,500             |', `|${padded}|`);
    assert.notEqual(text, fixture);
    const out = inspectText(text, 'long.txt');
    assert.ok(out.ok, out.ok ? '' : out.reason);
    if (!out.ok) return;
    const f = out.filing.findings.find((x) => x.rule === 'value-format');
    assert.ok(f, JSON.stringify(out.filing.findings.map((x) => x.message)));
    assert.match(f.message, /65 characters.*tally cannot check its row/);
    assert.equal(text.slice(f.span!.start, f.span!.end).trim(), padded);
  });
});
