/**
 * SEC's fair-access rules for the whole process: at most 10 requests a second however many clients are made (the
 * extension makes one per command, the CLI one per run), and, once SEC has answered with a block page, no request at
 * all until the block has had time to lift.
 *
 * The rate is kept by spacing: each request starts at least (1000 + SLACK) / rate ms after the one before, so any
 * one-second window holds at most `rate` starts however the timers fire (late timers only widen the gaps). Every
 * start is recorded, so the rate actually kept can be measured (`stats`).
 */
import { EdgarError } from './errors';

/** SEC's limit: "Current max request rate: 10 requests/second". */
export const MAX_REQUESTS_PER_SECOND = 10;
/** What the client uses unless told otherwise: below the limit, leaving room for the user's other tools. */
export const DEFAULT_REQUESTS_PER_SECOND = 5;
/** Milliseconds added to every second's worth of gaps, so a window of exactly 1000 ms cannot hold rate + 1 starts. */
const SLACK_MS = 20;
/** SEC lifts a rate block once requests stayed below the limit for 10 minutes. */
export const BLOCK_PAUSE_MS = 10 * 60 * 1000;
/** Starts kept for `stats` (the bench needs 100; a long session keeps its last ones). */
const KEPT_STARTS = 10000;

export interface Clock {
  now(): number;
}

const realClock: Clock = { now: () => performance.now() };

function abortError(): EdgarError {
  return new EdgarError('cancelled', 'Cancelled.');
}

interface Waiter {
  rate: number;
  resolve: () => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export class FairAccess {
  private last = -Infinity;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly starts: number[] = [];
  private total = 0;
  private blocked: { until: number; error: EdgarError } | null = null;

  constructor(private readonly clock: Clock = realClock) {}

  /** Clamp a requested rate to 1..10 requests a second. */
  static clampRate(rate: number | null | undefined): number {
    if (typeof rate !== 'number' || !Number.isFinite(rate)) return DEFAULT_REQUESTS_PER_SECOND;
    return Math.min(MAX_REQUESTS_PER_SECOND, Math.max(1, Math.floor(rate)));
  }

  /** Waits for this request's turn (FIFO, at most `rate` a second across the process). */
  acquire(rate: number, signal?: AbortSignal): Promise<void> {
    if (this.blocked && this.clock.now() < this.blocked.until) return Promise.reject(this.blocked.error);
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { rate: FairAccess.clampRate(rate), resolve, reject, signal };
      if (signal) {
        w.onAbort = () => {
          const i = this.queue.indexOf(w);
          if (i >= 0) this.queue.splice(i, 1);
          reject(abortError());
        };
        signal.addEventListener('abort', w.onAbort, { once: true });
      }
      this.queue.push(w);
      this.pump();
    });
  }

  private pump(): void {
    if (this.timer) return;
    while (this.queue.length) {
      const w = this.queue[0];
      const now = this.clock.now();
      const at = this.last + (1000 + SLACK_MS) / w.rate;
      if (at > now) {
        this.timer = setTimeout(
          () => {
            this.timer = null;
            this.pump();
          },
          Math.ceil(at - now),
        );
        return;
      }
      this.queue.shift();
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
      if (this.blocked && this.clock.now() < this.blocked.until) {
        w.reject(this.blocked.error);
        continue;
      }
      this.last = now;
      this.total++;
      this.starts.push(now);
      if (this.starts.length > KEPT_STARTS) this.starts.splice(0, this.starts.length - KEPT_STARTS);
      w.resolve();
    }
  }

  /** SEC answered with a block page: nothing more is requested for BLOCK_PAUSE_MS; later requests get `error`. */
  block(error: EdgarError): void {
    this.blocked = { until: this.clock.now() + BLOCK_PAUSE_MS, error };
  }

  throwIfBlocked(): void {
    if (this.blocked && this.clock.now() < this.blocked.until) throw this.blocked.error;
  }

  /** Requests started, and the largest number that started within any `windowMs` (1 s) window. */
  stats(windowMs = 1000): { requests: number; maxInWindow: number } {
    let max = 0;
    let lo = 0;
    for (let hi = 0; hi < this.starts.length; hi++) {
      while (this.starts[hi] - this.starts[lo] > windowMs) lo++;
      max = Math.max(max, hi - lo + 1);
    }
    return { requests: this.total, maxInWindow: max };
  }

  /** Forget the measurements and any block (tests and the bench start each run from nothing). */
  reset(): void {
    for (const w of this.queue.splice(0)) w.reject(abortError());
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.last = -Infinity;
    this.starts.length = 0;
    this.total = 0;
    this.blocked = null;
  }
}

/** The one instance every client of the process shares. */
export const fairAccess = new FairAccess();
