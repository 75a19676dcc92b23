/**
 * Names a filing chooses (elements, entities, LaTeX commands) that are also names on Object.prototype are looked up
 * as any other unknown name: reported or kept as text, never an internal error, never a function's source in a value.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectText } from '../../src/core/inspect';
import { decodeEntities } from '../../src/core/xml/entities';
import { cleanFormText } from '../../src/core/parse/form/clean';
import { baseForm4 } from '../fuzz/redos';

const PROTO = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const NATIVE = /native code|function |\[object/;

function read(text: string, file: string) {
  const out = inspectText(text, file);
  assert.ok(out.ok, out.ok ? '' : out.reason);
  return out;
}

describe('names from Object.prototype in a filing', () => {
  for (const name of PROTO) {
    it(`<${name}> in an owner, a row and the document is reported as unknown`, () => {
      const xml = baseForm4()
        .replace('<rptOwnerName>', `<${name}/><rptOwnerName>`)
        .replace('</reportingOwnerRelationship>', `<${name}>1</${name}></reportingOwnerRelationship>`)
        .replace('<securityTitle>', `<${name}>x</${name}><securityTitle>`)
        .replace('<aff10b5One>', `<${name}>y</${name}><aff10b5One>`);
      const out = read(xml, `${name}.xml`);
      if (!out.ok) return;
      const unknown = out.filing.findings.filter((f) => f.message.includes(`<${name}>`));
      assert.ok(
        unknown.length >= 4,
        `each of the four is reported: ${JSON.stringify(out.filing.findings.map((f) => f.message))}`,
      );
      assert.equal(out.filing.reportingOwners[0].name.value, 'Doe Jane');
      assert.equal(out.filing.nonDerivative[0].securityTitle.value, 'Common Stock');
    });

    it(`&${name}; stays as written in XML text and in an HTML owner's name`, () => {
      const xmlText = `a &${name}; b`;
      assert.equal(decodeEntities(xmlText, 0, xmlText.length), xmlText);
      const html = fs
        .readFileSync(path.join(__dirname, '..', 'fixtures', 'html', 'form4a-joint-filers.html'), 'utf8')
        .replace('O&#39;Neil Pat &amp; Co', `O&#39;Neil &${name}; Pat`);
      const out = read(html, `${name}.html`);
      if (!out.ok) return;
      const owner = out.filing.reportingOwners[0].name.value ?? '';
      assert.ok(!NATIVE.test(owner), owner);
      assert.ok(owner.includes(`&${name};`) || owner.includes('Pat'), owner);
    });

    it(`\\${name} in OCR text is not a LaTeX symbol`, () => {
      const cleaned = cleanFormText(`Doe \\${name} Jane $^{1}$ \\$5`);
      assert.ok(!NATIVE.test(cleaned.text), cleaned.text);
    });
  }
});
