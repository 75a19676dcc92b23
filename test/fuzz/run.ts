/**
 * One fuzz input through the same path as the CLI: `inspectBytes` (decode, detect, parse, rules), then the JSON
 * model and the form-like rendering. Checks what must hold for ANY input: a filing or a plain reason, no exception,
 * spans inside the text, nothing read from outside (external entities), and the CPU time it took.
 */
import { inspectBytes, type InspectOptions } from '../../src/core/inspect';
import { parsePdfInWorker } from '../../src/core/pdf/worker-client';
import { toJson } from '../../src/core/json';
import { renderFiling } from '../../src/cli/render';
import type { FuzzCase } from './cases';
import { cpuMsSince } from '../helpers/cpu-time';

export type FailureKind =
  'crash' | 'invalid' | 'leak' | 'expect' | 'slow' | 'hang' | 'worker-died' | 'network' | 'memory';

export interface CaseResult {
  index: number;
  name: string;
  family: FuzzCase['family'];
  bytes: number;
  /**
   * Whole CLI path (inspect + JSON + rendering): CPU time of the process in ms, user and system, every thread (the
   * PDF reader's worker and V8's collector threads included). The budget applies to this: unlike the wall-clock
   * time, it does not grow when other work shares the machine's cores.
   */
  cpuMs: number;
  /** inspectBytes alone, CPU time in ms. */
  inspectCpuMs: number;
  /** Whole CLI path, wall-clock ms: reported, never compared with a budget. */
  ms: number;
  ok: boolean;
  reason?: string;
  /** Finding rule ids that say a bound was reached (xml-limit and the like), with counts. */
  bounds?: string[];
  failure?: { kind: FailureKind; message: string };
  heapUsed: number;
  /** Whether the input went to the PDF reader (set by the worker). */
  pdf?: boolean;
}

/** Rule ids of findings that report a resource bound rather than a property of the filing. */
export const BOUND_RULES = new Set(['xml-limit', 'read-limit']);
/**
 * Reasons given when an exception reached a safety net (inspect.ts: a parser or the PDF reader threw, or a module
 * failed to load; the text and HTML readers' own catch-all): no exception escaped, but it is a crash all the same.
 */
export const CAUGHT_CRASH =
  /^(internal error while reading the file|PDF could not be read|could not decode the file): |^could not read this (text as a Form 3\/4\/5|HTML page as an EDGAR Form 3\/4\/5) \(/;

/** Reasons that report a resource bound. */
export const BOUND_REASON = /\blimit\b|took longer|too long|more than the \d+ /i;

/** Every `{start, end}` in the filing lies inside its text, with start <= end. Returns the first problem. */
export function checkSpans(filing: unknown, textLength: number): string | null {
  const stack: [unknown, string][] = [[filing, '']];
  let seen = 0;
  while (stack.length) {
    const [v, where] = stack.pop() as [unknown, string];
    if (v === null || typeof v !== 'object') continue;
    if (++seen > 5_000_000) return null;
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length <= 3) {
      const { start, end } = o as { start: number; end: number };
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= textLength))
        return `span ${where} = [${start}, ${end}) is outside the text (length ${textLength})`;
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${where}[${i}]`]);
      continue;
    }
    for (const k of Object.keys(o)) if (k !== 'text') stack.push([o[k], where ? `${where}.${k}` : k]);
  }
  return null;
}

/**
 * The PDF reader the CLI hands to inspectBytes: parsePdf in a worker thread that is terminated after the reader's
 * time limit (in-process, pdf.js can hold the event loop so that parsePdf's own timer never fires).
 */
const PDF: InspectOptions = { readPdf: (b, f) => parsePdfInWorker(b, f) };

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 9).join('\n')}`;
  return String(e);
}

/**
 * Runs one input and checks it. `budgetCpuMs` bounds the CPU time (see `CaseResult.cpuMs`) the whole path may take;
 * over it, the input fails as 'slow'.
 */
export async function runCase(
  index: number,
  c: FuzzCase,
  bytes: Uint8Array,
  budgetCpuMs: number,
  inspect: typeof inspectBytes = inspectBytes,
): Promise<CaseResult> {
  const base = { index, name: c.name, family: c.family, bytes: bytes.length };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let inspectCpuMs = 0;
  const fail = (kind: FailureKind, message: string, extra: Partial<CaseResult> = {}): CaseResult => ({
    ...base,
    cpuMs: cpuMsSince(cpu0),
    inspectCpuMs,
    ms: performance.now() - t0,
    ok: false,
    failure: { kind, message },
    heapUsed: process.memoryUsage().heapUsed,
    ...extra,
  });
  let out: Awaited<ReturnType<typeof inspectBytes>>;
  try {
    out = await inspect(bytes, `fuzz/${c.name}`, PDF);
  } catch (e) {
    return fail('crash', `inspectBytes threw: ${describe(e)}`);
  }
  inspectCpuMs = cpuMsSince(cpu0);
  if (!out || typeof out !== 'object' || typeof out.ok !== 'boolean')
    return fail('invalid', `inspectBytes returned ${String(out)}`);
  let json = '';
  let bounds: string[] = [];
  if (out.ok) {
    const filing = out.filing;
    if (typeof filing.text !== 'string') return fail('invalid', 'filing.text is not a string');
    const bad = checkSpans(filing, filing.text.length);
    if (bad) return fail('invalid', bad);
    try {
      json = JSON.stringify(toJson(filing));
    } catch (e) {
      return fail('crash', `toJson threw: ${describe(e)}`);
    }
    let rendered: string;
    try {
      rendered = renderFiling(filing);
    } catch (e) {
      return fail('crash', `renderFiling threw: ${describe(e)}`);
    }
    for (const needle of c.mustNotContain ?? [])
      if (needle && (json.includes(needle) || rendered.includes(needle)))
        return fail(
          'leak',
          `the output contains "${needle.slice(0, 40)}", which only an external read could have put there`,
        );
    const counts = new Map<string, number>();
    for (const f of filing.findings) if (BOUND_RULES.has(f.rule)) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    bounds = [...counts].map(([r, n]) => `${r}×${n}`);
  } else {
    if (typeof out.reason !== 'string' || out.reason.trim() === '')
      return fail('invalid', `no reason given: ${JSON.stringify(out.reason)}`);
    if (out.reason.length > 2000)
      return fail('invalid', `the reason is ${out.reason.length} characters long (not a plain one-line reason)`);
    if (/\bat .*\(.*:\d+:\d+\)/.test(out.reason))
      return fail('invalid', `the reason carries a stack trace: ${out.reason.slice(0, 200)}`);
    if (CAUGHT_CRASH.test(out.reason))
      return fail('crash', `an exception was caught by inspect's safety net: ${out.reason.slice(0, 300)}`, {
        reason: out.reason,
      });
  }
  const cpuMs = cpuMsSince(cpu0);
  const result: CaseResult = {
    ...base,
    cpuMs,
    inspectCpuMs,
    ms: performance.now() - t0,
    ok: out.ok,
    ...(out.ok ? {} : { reason: out.reason }),
    ...(bounds.length ? { bounds } : {}),
    heapUsed: process.memoryUsage().heapUsed,
  };
  if (c.expect) {
    const msg = c.expect({ ok: out.ok, reason: out.ok ? undefined : out.reason, json });
    if (msg) result.failure = { kind: 'expect', message: msg };
  }
  if (!result.failure && cpuMs > budgetCpuMs)
    result.failure = {
      kind: 'slow',
      message: `took ${cpuMs.toFixed(0)} ms of CPU time (inspect ${inspectCpuMs.toFixed(0)} ms), over the ${budgetCpuMs} ms budget`,
    };
  return result;
}
