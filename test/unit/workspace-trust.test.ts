import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('untrusted workspaces', () => {
  it('every setting that changes what is checked or scanned, or names a program to run, is restricted', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    const props = Object.keys(pkg.contributes.configuration.properties ?? {});
    const sensitive = props.filter(
      (k) => k === 'form4Inspector.rules' || k.startsWith('form4Inspector.scan.') || k.endsWith('Path'),
    );
    assert.ok(sensitive.length >= 6, props.join(', '));
    assert.deepEqual([...trust.restrictedConfigurations].sort(), sensitive.sort());
  });
});
