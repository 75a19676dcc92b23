/** Types of replay-server.cjs (see there). */
export interface ReplayRequest {
  /** Arrival time, performance.now() of the server's process. */
  t: number;
  method: string | undefined;
  /** The SEC.gov address asked for, or null for a path that is not one. */
  url: string | null;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  fault?: string;
}

export type FaultType =
  | 'block-undeclared'
  | 'block-rate'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'slow'
  | 'truncated'
  | 'malformed-json'
  | 'oversized'
  | 'redirect';

export interface Fault {
  type: FaultType;
  /** How many matching requests get the fault (default: all). */
  times?: number;
  /** Seconds, for 'rate-limited' and 'unavailable' (default 1; null: no Retry-After header). */
  retryAfter?: number | null;
  /** 'oversized': body size (default 64 MB); with gzip, sent as a small gzip that unfolds to it. */
  bytes?: number;
  gzip?: boolean;
  /** 'redirect': where to. */
  location?: string;
}

export declare class ReplayServer {
  constructor(options?: { dir?: string; folderAliases?: boolean; requireUserAgent?: boolean });
  static available(dir?: string): boolean;
  readonly dir: string;
  origin: string | null;
  requests: ReplayRequest[];
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
  fault(match: string | RegExp | ((url: string) => boolean), fault: Fault): Fault & { used: number };
  clearFaults(): void;
  clearLog(): void;
  maxInWindow(windowMs?: number): number;
}

export declare const DEFAULT_DIR: string;
export declare const HOSTS: ReadonlySet<string>;
