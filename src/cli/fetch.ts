/**
 * The CLI's EDGAR commands: `form4 fetch` (download ownership filings into a folder) and `form4 check --edgar`
 * (download, then check the set). Both go through the core's EDGAR client (src/core/edgar), with the User-Agent from
 * --user-agent or FORM4_USER_AGENT, the rate from --rate (at most 10 a second), and the cache in the user's cache
 * folder ($XDG_CACHE_HOME/form4-inspector/edgar on Linux). Progress goes to stderr when it is a terminal; the paths of
 * the filings go to stdout, one a line.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { readHere } from '../core/edgar/read';
import {
  DiskCache,
  EdgarClient,
  USER_AGENT_ENV,
  describeError,
  downloadFilings,
  isEdgarError,
  isFatal,
  planLatest,
  planTarget,
  summarizeOutcomes,
  type DownloadItem,
  type DownloadOutcome,
  type Role,
  type TargetPlan,
} from '../core/edgar';

export const EDGAR_USAGE = `  form4 fetch <ticker|name|cik|accession|url>... --out DIR [--forms 3,4,5] [--since DATE] [--until DATE]
              [--as issuer|owner] [--latest N] [--full-text] [--overwrite]
      Download Forms 3, 4 and 5 (and amendments) from EDGAR into DIR, each named by its accession number: an
      issuer's or an insider's filings in the date range, or single filings by accession number or address
      (--latest N: the N latest from EDGAR's feed). The ownership XML, or with --full-text the full submission.
      Writes are atomic; a file with other bytes is never replaced unless --overwrite; a second run skips what
      is there. Prints each filing's path.
  form4 check --edgar <ticker|name|cik> [--since DATE] [--until DATE] [--forms 3,4,5] [--as issuer|owner]
              [--out DIR] [check options]
      Fetch those filings (into DIR, or the user cache folder), then check them across the set.

EDGAR options (fetch, check --edgar):
  --user-agent "Name email"   required by SEC: who is asking (or set ${USER_AGENT_ENV})
  --rate N                    requests a second, 1 to 10 (default 5)
  --offline                   only what the cache holds; --no-cache: no cache at all
  --cache-dir DIR             default: $XDG_CACHE_HOME/form4-inspector/edgar (~/.cache/... on Linux)
`;

const USER_AGENT_HINT = `pass --user-agent "Your Name you@example.com" or set ${USER_AGENT_ENV}`;

export class EdgarUsageError extends Error {}

interface EdgarArgs {
  targets: string[];
  out: string | null;
  forms: string[];
  since: string | null;
  until: string | null;
  as: Role | null;
  latest: number | null;
  fullText: boolean;
  overwrite: boolean;
  userAgent: string | null;
  rate: number | null;
  offline: boolean;
  noCache: boolean;
  cacheDir: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, v: string): string {
  if (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    throw new EdgarUsageError(`${name} takes a date as YYYY-MM-DD (got "${v}")`);
  return v;
}

/**
 * Takes the EDGAR options out of `argv`; for `fetch` everything else is a target, for `check` everything else stays
 * for the check options (and `--edgar X` names a target).
 */
export function parseEdgarArgs(argv: string[], command: 'fetch' | 'check'): { args: EdgarArgs; rest: string[] } {
  const a: EdgarArgs = {
    targets: [],
    out: null,
    forms: ['3', '4', '5'],
    since: null,
    until: null,
    as: null,
    latest: null,
    fullText: false,
    overwrite: false,
    userAgent: null,
    rate: null,
    offline: false,
    noCache: false,
    cacheDir: null,
  };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0 && arg.startsWith('--')) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new EdgarUsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--edgar':
        if (command !== 'check')
          throw new EdgarUsageError('--edgar is an option of check; fetch takes the targets as arguments');
        a.targets.push(value());
        break;
      case '--out':
        a.out = value();
        break;
      case '--forms': {
        const forms = value()
          .split(',')
          .map((f) => f.trim().toUpperCase().replace(/\/A$/, ''))
          .filter(Boolean);
        if (!forms.length || forms.some((f) => !['3', '4', '5'].includes(f)))
          throw new EdgarUsageError('--forms takes 3, 4 and 5, separated by commas (amendments come with them)');
        a.forms = [...new Set(forms)].sort();
        break;
      }
      case '--since':
        a.since = checkDate('--since', value());
        break;
      case '--until':
        a.until = checkDate('--until', value());
        break;
      case '--as': {
        const v = value();
        if (v !== 'issuer' && v !== 'owner') throw new EdgarUsageError(`--as takes issuer or owner (got "${v}")`);
        a.as = v;
        break;
      }
      case '--latest': {
        const v = value();
        if (command !== 'fetch' || !/^\d{1,5}$/.test(v) || Number(v) < 1)
          throw new EdgarUsageError('--latest takes a number of filings (fetch only)');
        a.latest = Number(v);
        break;
      }
      case '--full-text':
        a.fullText = true;
        break;
      case '--overwrite':
        a.overwrite = true;
        break;
      case '--user-agent':
        a.userAgent = value();
        break;
      case '--rate': {
        const v = value();
        if (!/^\d{1,2}$/.test(v) || Number(v) < 1 || Number(v) > 10)
          throw new EdgarUsageError('--rate takes 1 to 10 (requests a second; SEC allows at most 10)');
        a.rate = Number(v);
        break;
      }
      case '--offline':
        a.offline = true;
        break;
      case '--no-cache':
        a.noCache = true;
        break;
      case '--cache-dir':
        a.cacheDir = value();
        break;
      default:
        if (command === 'check') rest.push(arg);
        else if (arg.startsWith('-') && arg !== '-') throw new EdgarUsageError(`unknown option ${arg}`);
        else a.targets.push(arg);
    }
  }
  if (a.since && a.until && a.since > a.until)
    throw new EdgarUsageError(`--since ${a.since} is after --until ${a.until}`);
  if (a.offline && a.noCache) throw new EdgarUsageError('--offline reads the cache: it cannot go with --no-cache');
  return { args: a, rest };
}

/** The user's cache folder for EDGAR answers: XDG_CACHE_HOME (or ~/.cache) on Linux, the platform's own elsewhere. */
export function userCacheDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'form4-inspector', 'Cache', 'edgar');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'form4-inspector', 'edgar');
  const xdg =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(xdg, 'form4-inspector', 'edgar');
}

function makeClient(a: EdgarArgs): EdgarClient {
  return new EdgarClient({
    userAgent: a.userAgent ?? process.env[USER_AGENT_ENV] ?? null,
    userAgentHint: USER_AGENT_HINT,
    requestsPerSecond: a.rate ?? undefined,
    offline: a.offline,
    cache: a.noCache ? null : new DiskCache(a.cacheDir ?? userCacheDir()),
  });
}

/** Progress on stderr: a line rewritten in place on a terminal, nothing but problems otherwise. */
class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private shown = false;

  status(text: string): void {
    if (!this.tty) return;
    const width = Math.max(20, (process.stderr.columns ?? 100) - 1);
    process.stderr.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    this.shown = true;
  }

  line(text: string): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
    process.stderr.write(`${text}\n`);
  }
}

function describeOutcome(o: DownloadOutcome): string {
  switch (o.status) {
    case 'written':
      return o.fromCache ? 'written (from the cache)' : 'written';
    case 'replaced':
      return 'replaced (it had other bytes)';
    case 'present':
      return 'already there';
    default:
      return `${o.status}: ${o.reason}`;
  }
}

interface RunResult {
  /** Files holding EDGAR's copies (written, replaced or already there). */
  files: string[];
  failed: boolean;
  cancelled: boolean;
}

/**
 * Resolve, list and download every target into `dirFor(plan)`; with `printPaths` (fetch), each filing's path goes to
 * stdout as it is there (check keeps stdout for its report).
 */
async function run(
  a: EdgarArgs,
  client: EdgarClient,
  dirFor: (plan: TargetPlan) => string,
  signal: AbortSignal,
  printPaths: boolean,
): Promise<RunResult> {
  const progress = new Progress();
  const result: RunResult = { files: [], failed: false, cancelled: false };
  const planOptions = { forms: a.forms, since: a.since, until: a.until, as: a.as, signal };
  const inputs: (string | { latest: number })[] = [...a.targets];
  if (a.latest !== null) inputs.push({ latest: a.latest });
  for (const input of inputs) {
    const name = typeof input === 'string' ? input : `the latest ${input.latest}`;
    progress.status(`${name}: looking it up on EDGAR...`);
    let plan: TargetPlan;
    try {
      plan =
        typeof input === 'string'
          ? await planTarget(client, input, planOptions)
          : await planLatest(client, input.latest, planOptions);
    } catch (e) {
      if (isFatal(e)) throw e;
      progress.line(`${name}: ${describeError(e)}`);
      result.failed = true;
      continue;
    }
    const range = `${a.since ? ` from ${a.since}` : ''}${a.until ? ` to ${a.until}` : ''}`;
    const what = plan.entity
      ? `${plan.items.length} Form${plan.items.length === 1 ? '' : 's'} ${a.forms.join(', ')}${range}`
      : `${plan.items.length} filing${plan.items.length === 1 ? '' : 's'}`;
    const dir = dirFor(plan);
    progress.line(`${plan.label}: ${what}, into ${dir}`);
    for (const n of plan.notes) progress.line(`  note: ${n}`);
    const r = await downloadFilings(client, plan.items, {
      dir,
      read: readHere,
      format: a.fullText ? 'txt' : 'xml',
      overwrite: a.overwrite,
      signal,
      onItem: (done, total, item: DownloadItem, outcome) => {
        const acc = item.ref.accessionNumber;
        if (outcome.status === 'written' || outcome.status === 'replaced' || outcome.status === 'present') {
          result.files.push(outcome.file);
          if (printPaths) process.stdout.write(`${outcome.file}\n`);
        }
        if (outcome.status === 'failed' || outcome.status === 'conflict') {
          result.failed = true;
          progress.line(`  ${acc}: ${describeOutcome(outcome)}`);
        } else if (outcome.status === 'replaced') progress.line(`  ${acc}: ${describeOutcome(outcome)}`);
        progress.status(`[${done}/${total}] ${acc} ${describeOutcome(outcome)}`);
      },
    });
    const skippedRole = r.outcomes.filter((o) => o.outcome.status === 'skipped');
    if (skippedRole.length && a.as)
      progress.line(
        `  ${skippedRole.length} skipped: ${plan.entity?.name ?? 'the entity'} is not ${a.as === 'issuer' ? 'their issuer' : 'a reporting owner on them'}`,
      );
    else
      for (const s of skippedRole)
        if (s.outcome.status === 'skipped')
          progress.line(`  ${s.item.ref.accessionNumber}: skipped: ${s.outcome.reason}`);
    progress.line(`  ${summarizeOutcomes(r.outcomes)}${r.cancelled ? ' before it was interrupted' : ''}`);
    if (r.cancelled) {
      result.cancelled = true;
      break;
    }
  }
  const s = client.stats;
  progress.line(
    `form4: ${s.requests} request${s.requests === 1 ? '' : 's'} to EDGAR${s.cacheHits ? `, ${s.cacheHits} answered from the cache` : ''}${s.notModified ? `, ${s.notModified} confirmed unchanged` : ''}`,
  );
  return result;
}

/** Run with Ctrl-C stopping after the file under way (nothing is left half-written; a second run resumes). */
async function withInterrupt<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const onSigint = () => ac.abort();
  process.once('SIGINT', onSigint);
  try {
    return await body(ac.signal);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function reportError(e: unknown, usage: string): number {
  if (e instanceof EdgarUsageError) {
    process.stderr.write(`form4: ${e.message}\n\n${usage}`);
    return 2;
  }
  process.stderr.write(`form4: ${isEdgarError(e) ? e.message : `internal error: ${describeError(e)}`}\n`);
  return 2;
}

/** `form4 fetch ...`: exit 0 when every filing is there, 2 when anything failed, 130 when interrupted. */
export async function runFetch(argv: string[], usage: string): Promise<number> {
  try {
    const { args } = parseEdgarArgs(argv, 'fetch');
    if (!args.out) throw new EdgarUsageError('fetch needs --out DIR: the folder to download into');
    if (args.targets.length === 0 && args.latest === null)
      throw new EdgarUsageError(
        'fetch needs a ticker, a name, a CIK, an accession number or an address (or --latest N)',
      );
    const client = makeClient(args);
    if (!args.offline) client.userAgent(); // nothing is asked of EDGAR without one: say so before anything else
    const out = args.out;
    const r = await withInterrupt((signal) => run(args, client, () => out, signal, true));
    if (r.cancelled) {
      process.stderr.write('form4: interrupted; run the same command again to go on where it stopped\n');
      return 130;
    }
    return r.failed ? 2 : 0;
  } catch (e) {
    return reportError(e, usage);
  }
}

/**
 * `form4 check --edgar X ...`: fetches the filings and returns the check's command line with their paths in place of
 * the EDGAR options, and whether any could not be fetched (null when there is no --edgar: a plain check), or an exit
 * code when nothing could be fetched.
 */
export async function fetchForCheck(
  argv: string[],
  usage: string,
): Promise<{ argv: string[]; failed: boolean } | number | null> {
  if (!argv.some((a) => a === '--edgar' || a.startsWith('--edgar='))) return null;
  try {
    const { args, rest } = parseEdgarArgs(argv.slice(1), 'check');
    const client = makeClient(args);
    if (!args.offline) client.userAgent();
    const root = path.join(path.dirname(args.cacheDir ?? userCacheDir()), 'filings');
    const r = await withInterrupt((signal) =>
      run(
        args,
        client,
        (plan) => args.out ?? path.join(root, plan.entity ? `CIK${plan.entity.cik}` : 'single'),
        signal,
        false,
      ),
    );
    if (r.cancelled) return 130;
    if (r.files.length === 0) {
      process.stderr.write('form4: no filing to check\n');
      return 2;
    }
    return { argv: [argv[0], ...rest, '--', ...r.files], failed: r.failed };
  } catch (e) {
    return reportError(e, usage);
  }
}
