/**
 * `npm run bench -- edgar`: downloading up to 100 filings through the EDGAR replay server
 * (test/edgar/replay-server.cjs, from ../shared/edgar-recorded) under the highest rate SEC allows (10 requests a
 * second), then again from the cache. The requests are counted, and the rate measured, from the server's own log of
 * arrivals, not from the client's counters.
 *
 * The documents: every recorded Form 4 document (ownership XML or full submission) of FILINGS.tsv, under the folder
 * of each CIK on the filing (issuer and reporting owners), as EDGAR serves them: one document per filing and folder
 * (the XML when both are recorded), up to 100: the 47 recorded filings make 98.
 * Each folder's filings go into their own output folder, as `form4 fetch` would for that entity.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DiskCache,
  EdgarClient,
  FairAccess,
  accessionDashed,
  downloadFilings,
  parseArchivesPath,
  summarizeOutcomes,
  type DownloadItem,
  type DownloadResult,
} from '../src/core/edgar';
import { ReplayServer } from '../test/edgar/replay-server.cjs';
import { readHere } from '../src/core/edgar/read';

const RECORDED = path.resolve(__dirname, '..', '..', 'shared', 'edgar-recorded');
const COUNT = 100;
const RATE = 10;

function tsv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}

/** The first COUNT (folder CIK, document) pairs, grouped by folder. */
function documents(): Map<string, DownloadItem[]> {
  const urls = new Map(tsv(path.join(RECORDED, 'INDEX.tsv')).map((r) => [r.id, r.url]));
  const byFolder = new Map<string, DownloadItem[]>();
  const seen = new Set<string>();
  let n = 0;
  for (const f of tsv(path.join(RECORDED, 'FILINGS.tsv'))) {
    const ciks = [f.issuer_cik, ...(f.owner_ciks ?? '').split(',')].filter((c) => /^\d+$/.test(c));
    for (const id of f.recorded_ids
      .split(',')
      .sort((a, b) => Number(/\.xml$/i.test(urls.get(b) ?? '')) - Number(/\.xml$/i.test(urls.get(a) ?? '')))) {
      const url = urls.get(id);
      const a = url ? parseArchivesPath(new URL(url).pathname) : null;
      if (!url || !a || !/\.(xml|txt)$/i.test(url)) continue;
      const accessionNumber = accessionDashed(f.accession);
      if (!accessionNumber) continue;
      const xml = /\.xml$/i.test(url) ? path.posix.basename(url) : null;
      for (const cik of ciks) {
        // One document per filing and folder (the XML when both are recorded: a filing is downloaded once); an owner
        // who is also the issuer has one folder, not two.
        const key = `${cik}/${f.accession}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (n++ >= COUNT) return byFolder;
        const item: DownloadItem = {
          ref: { cik, accessionNumber, form: f.form, filingDate: null, acceptanceDateTime: null, primaryDocument: xml },
        };
        byFolder.set(cik, [...(byFolder.get(cik) ?? []), item]);
      }
    }
  }
  return byFolder;
}

interface Run {
  wallMs: number;
  requests: number;
  conditional: number;
  maxInSecond: number;
  outcomes: DownloadResult['outcomes'];
}

async function run(server: ReplayServer, cacheDir: string, outDir: string, folders: Map<string, DownloadItem[]>) {
  server.clearLog();
  const client = new EdgarClient({
    userAgent: 'Form4 Bench form4-bench@example.com',
    userAgentHint: 'the bench',
    requestsPerSecond: RATE,
    env: { FORM4_EDGAR_ORIGIN: server.origin! },
    access: new FairAccess(),
    cache: new DiskCache(cacheDir),
  });
  const outcomes: DownloadResult['outcomes'] = [];
  const t0 = performance.now();
  for (const [cik, items] of folders) {
    const r = await downloadFilings(client, items, { dir: path.join(outDir, cik), format: 'xml', read: readHere });
    outcomes.push(...r.outcomes);
  }
  const wallMs = performance.now() - t0;
  const conditional = server.requests.filter((q) => q.headers['if-none-match'] || q.headers['if-modified-since']);
  return {
    wallMs,
    requests: server.requests.length,
    conditional: conditional.length,
    maxInSecond: server.maxInWindow(1000),
    outcomes,
  } satisfies Run;
}

/** The section's markdown, or null when the recorded responses are not there. */
export async function measureEdgar(): Promise<string | null> {
  if (!ReplayServer.available(RECORDED)) return null;
  const server = new ReplayServer({ dir: RECORDED });
  await server.start();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-bench-edgar-'));
  try {
    const folders = documents();
    const total = [...folders.values()].reduce((n, items) => n + items.length, 0);
    const cacheDir = path.join(tmp, 'cache');
    const first = await run(server, cacheDir, path.join(tmp, 'first'), folders);
    const second = await run(server, cacheDir, path.join(tmp, 'second'), folders);
    const floor = ((total - 1) * 1000) / RATE / 1000;
    const row = (name: string, r: Run) =>
      `| ${name} | ${total} | ${(r.wallMs / 1000).toFixed(1)} | ${r.requests} | ${r.conditional} | ${r.maxInSecond} | ${summarizeOutcomes(r.outcomes)} |`;
    return `## EDGAR: ${total} filings downloaded through the replay server at 10 requests/s

\`npm run bench -- edgar\`: ${total} filing downloads (the recorded Form 4 filings in \`../shared/edgar-recorded\`,
each under the folder of every CIK on the filing, as EDGAR serves them; the XML, or the full submission when only
that is recorded; the 47 recorded filings make ${total} such downloads, all of them, short of the ${COUNT} aimed at)
with \`downloadFilings\` at the highest rate SEC allows (10 requests a second); then the same downloads into new folders with the cache of the first run. Requests
are counted and the rate measured from the replay server's log of arrivals. At 10 a second, ${total} requests cannot
take less than ${floor.toFixed(1)} s; each document is also read into the model before it is written.

| run | filings | wall time (s) | requests | of them conditional | most requests in any 1 s | outcomes |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${row('first (empty cache)', first)}
${row('second (from the cache)', second)}

Most in any 1 s window: ${first.maxInSecond} (must be <= 10: ${first.maxInSecond <= 10 ? 'met' : 'NOT met'}). Second run: ${second.requests} requests (${second.requests === 0 ? 'met' : 'NOT met'}: a filing's documents never change, so the cache answers without asking).`;
  } finally {
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
