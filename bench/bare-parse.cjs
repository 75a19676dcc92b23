// The scale bench's baseline, run as its own process like `form4 check`: every file of a folder read and parsed
// by fast-xml-parser in one thread (a bare tree: no model, no positions, no checks), as a pipeline without this
// project would start.
const fs = require('node:fs');
const path = require('node:path');
const { XMLParser } = require('fast-xml-parser');

const parser = new XMLParser({ ignoreAttributes: false });
let files = 0;
let failed = 0;
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else {
      files++;
      try {
        parser.parse(fs.readFileSync(p, 'utf8'));
      } catch {
        failed++;
      }
    }
  }
};
walk(process.argv[2]);
process.stdout.write(`${JSON.stringify({ files, failed })}\n`);
