/** npm run manifest:rules: rewrite the form4Inspector.rules setting in package.json from the rule catalogue (a test compares them). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../src/core/rules';

const file = path.resolve(__dirname, '..', 'package.json');
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
const conf = Array.isArray(pkg.contributes.configuration)
  ? pkg.contributes.configuration[0]
  : pkg.contributes.configuration;
const setting = conf.properties['form4Inspector.rules'];
setting.properties = Object.fromEntries(
  RULES.map((r) => [
    r.id,
    {
      type: 'string',
      enum: ['off', 'error', 'warning', 'info'],
      markdownDescription: `${r.title} (default: ${r.severity}; source: ${r.source}).`,
    },
  ]),
);
fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`package.json: ${RULES.length} rules in form4Inspector.rules`);
