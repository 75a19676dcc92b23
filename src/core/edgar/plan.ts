/**
 * From what the user asked for to the filings to download, for the CLI's `fetch` and `check --edgar` and the
 * extension's Download command alike: each input resolved (./resolve.ts), an entity's Forms 3/4/5 listed in the
 * range, or the latest filings taken from EDGAR's feed.
 */
import type { EdgarClient } from './client';
import { currentFilings } from './current';
import type { DownloadItem, Role } from './download';
import { EdgarError, describeError, isEdgarError } from './errors';
import { findListing, refFromListing, type FilingRef } from './filings';
import { resolveQuery } from './resolve';
import { listOwnershipFilings, type Entity } from './submissions';
import type { TickerIndex } from './tickers';

export interface PlanOptions {
  /** Base forms: '3', '4', '5' (amendments come with them). */
  forms?: readonly string[];
  since?: string | null;
  until?: string | null;
  /** Only filings on which the entity is the issuer / a reporting owner. */
  as?: Role | null;
  signal?: AbortSignal;
  tickers?: TickerIndex;
}

export interface TargetPlan {
  input: string;
  /** "Apple Inc. (CIK 320193)", "filing 0000320193-24-000084". */
  label: string;
  entity: Entity | null;
  items: DownloadItem[];
  /** What the user should know (older pages that could not be read, a role the entity never had). */
  notes: string[];
}

/** Errors that end the whole run: nothing else could succeed. */
export function isFatal(e: unknown): boolean {
  return isEdgarError(e) && (e.code === 'cancelled' || e.code === 'blocked' || e.code === 'user-agent');
}

export function entityLabel(e: Entity): string {
  return `${e.name} (CIK ${e.cik})`;
}

/** The filings one input stands for. Throws an EdgarError when it cannot be resolved or listed. */
export async function planTarget(client: EdgarClient, input: string, options: PlanOptions = {}): Promise<TargetPlan> {
  const r = await resolveQuery(client, input, { signal: options.signal, tickers: options.tickers });
  if (r.kind === 'filing')
    return { input, label: `filing ${r.ref.accessionNumber}`, entity: null, items: [{ ref: r.ref }], notes: [] };
  return planEntity(client, r.cik, input, options);
}

/** An entity's Forms 3/4/5 in the range. */
export async function planEntity(
  client: EdgarClient,
  cik: string,
  input: string,
  options: PlanOptions = {},
): Promise<TargetPlan> {
  const listed = await listOwnershipFilings(client, cik, options);
  const { entity } = listed;
  const notes: string[] = [];
  for (const u of listed.unreadPages)
    notes.push(`its filings from ${u.page.filingFrom} to ${u.page.filingTo} could not be listed: ${u.reason}`);
  let role: DownloadItem['role'] = null;
  if (options.as) {
    const has = options.as === 'issuer' ? entity.isIssuer : entity.isOwner;
    if (!has && (entity.isIssuer || entity.isOwner)) {
      notes.push(
        `EDGAR has no Forms 3, 4 or 5 with it as ${options.as === 'issuer' ? 'the issuer' : 'a reporting owner'}`,
      );
      return { input, label: entityLabel(entity), entity, items: [], notes };
    }
    // Only an entity that is both needs each filing checked.
    if (entity.isIssuer && entity.isOwner) role = { cik: entity.cik, as: options.as };
  }
  return {
    input,
    label: entityLabel(entity),
    entity,
    items: listed.filings.map((l) => ({ ref: refFromListing(l), role })),
    notes,
  };
}

/**
 * The `count` latest ownership filings of the forms asked, from EDGAR's latest-filings feed. The feed names each
 * filing's index page only: the document's name comes from the issuer's (or the first owner's) submissions list, and
 * a filing not listed there yet is read as its full submission.
 */
export async function planLatest(client: EdgarClient, count: number, options: PlanOptions = {}): Promise<TargetPlan> {
  const found: FilingRef[] = [];
  const notes: string[] = [];
  outer: for await (const page of currentFilings(client, { forms: options.forms, signal: options.signal })) {
    for (const f of page) {
      if (found.length >= count) break outer;
      const cik = f.issuer?.cik ?? f.owners[0]?.cik ?? null;
      if (!cik) continue;
      let ref: FilingRef = {
        cik,
        accessionNumber: f.accessionNumber,
        form: f.form,
        filingDate: f.filingDate,
        acceptanceDateTime: f.acceptedAt,
        primaryDocument: null,
      };
      try {
        const l = await findListing(client, cik, f.accessionNumber, options.signal);
        if (l) ref = { ...refFromListing(l), acceptanceDateTime: f.acceptedAt ?? l.acceptanceDateTime };
      } catch (e) {
        if (isFatal(e)) throw e;
        notes.push(
          `${f.accessionNumber}: its listing could not be read (${describeError(e)}); its full submission is read`,
        );
      }
      found.push(ref);
    }
  }
  if (found.length === 0 && count > 0)
    throw new EdgarError('not-found', "EDGAR's latest-filings feed has no such filings now");
  return {
    input: `latest ${count}`,
    label: `the ${found.length} latest Form${options.forms?.length === 1 ? ` ${options.forms[0]}` : 's 3/4/5'} filings`,
    entity: null,
    items: found.map((ref) => ({ ref })),
    notes,
  };
}
