/**
 * The Hunspell en_US dictionary of the `dictionary-en` package (SCOWL), as text. The bundles read the copy the
 * build puts beside them (dist/dictionary-en/, scripts/build.mjs: no node_modules ships with the extension); run
 * from the sources (tsx, the tests) it is read from the package's files. `dictionary-en` itself is an ES module
 * that reads its files with top-level await, which a CommonJS bundle cannot import: hence its files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The affix file and the word list of the en_US dictionary. */
export function englishDictionaryFiles(): { aff: string; dic: string } {
  const beside = path.join(__dirname, 'dictionary-en');
  const dir = fs.existsSync(path.join(beside, 'index.dic')) ? beside : path.dirname(require.resolve('dictionary-en'));
  return {
    aff: fs.readFileSync(path.join(dir, 'index.aff'), 'utf8'),
    dic: fs.readFileSync(path.join(dir, 'index.dic'), 'utf8'),
  };
}
