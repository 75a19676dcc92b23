/** npm run readme:rules: rewrite the README's rule table from the rule catalogue (between the rules markers). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES_TABLE_END, RULES_TABLE_START, rulesMarkdownTable } from '../src/core/rules/table';

const readme = path.resolve(__dirname, '..', 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const i = text.indexOf(RULES_TABLE_START);
const j = text.indexOf(RULES_TABLE_END);
if (i < 0 || j < i) throw new Error(`README.md has no rules markers (${RULES_TABLE_START} ... ${RULES_TABLE_END})`);
fs.writeFileSync(readme, `${text.slice(0, i + RULES_TABLE_START.length)}\n${rulesMarkdownTable()}\n${text.slice(j)}`);
console.log('README.md rule table updated');
