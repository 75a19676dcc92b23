/** The corpus files the Scale and VS Code scan benches repeat: `xml/`, `doc/` and `txt/`, each folder sorted. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR } from '../scripts/corpus-dir';

export function corpusMix(): string[] {
  const out: string[] = [];
  for (const d of ['xml', 'doc', 'txt']) {
    const dir = path.join(CORPUS_DIR, d);
    if (fs.existsSync(dir)) for (const n of fs.readdirSync(dir).sort()) out.push(path.join(dir, n));
  }
  return out;
}
