/**
 * The quick picks of the EDGAR commands: an entity (or a filing) searched as the user types over SEC's ticker list
 * (tickers, company names, CIKs; an accession number or an EDGAR address is taken as it is; people and funds through
 * EDGAR full-text search on request), then that entity's Forms 3/4/5, newest first, or EDGAR's latest filings.
 */
import * as vscode from 'vscode';
import {
  baseForm,
  currentFilings,
  describeError,
  documentAddress,
  fetchSubmissions,
  fetchTickers,
  parseColumns,
  parseQuery,
  refFromListing,
  resolveQuery,
  searchCompanies,
  searchPeople,
  submissionsPageUrl,
  type CurrentFiling,
  type EdgarClient,
  type Entity,
  type FilingRef,
  type Listing,
  type TickerIndex,
} from '../core/edgar';
import type { DownloadOptions } from '../core/edgar/download';
import { val } from '../core/fields';

export type EntityChoice =
  { kind: 'entity'; cik: string; name: string | null } | { kind: 'filing'; ref: FilingRef } | { kind: 'latest' };

type Act =
  | { do: 'choose'; choice: EntityChoice }
  /** An accession number or an address: resolved when chosen. */
  | { do: 'resolve'; input: string }
  | { do: 'people'; query: string }
  | { do: 'nothing' };

interface Item extends vscode.QuickPickItem {
  act: Act;
}

const PLACEHOLDER = 'Ticker, company, person, CIK, accession number or EDGAR address';

/** SEC's ticker list, kept for the session once read (it is also in the EDGAR cache for later sessions). */
let tickers: TickerIndex | null = null;

function info(label: string): Item {
  return { label, alwaysShow: true, act: { do: 'nothing' } };
}

function itemsFor(value: string, loading: string | null, allowLatest: boolean): Item[] {
  const text = value.trim();
  if (text === '') {
    const items: Item[] = [];
    if (allowLatest)
      items.push({
        label: '$(rss) Latest Forms 3, 4 and 5 on EDGAR',
        description: "EDGAR's latest-filings feed",
        alwaysShow: true,
        act: { do: 'choose', choice: { kind: 'latest' } },
      });
    items.push(info(`$(info) Type a ticker (AAPL), a company or a person's name, a CIK or an accession number`));
    return items;
  }
  let q;
  try {
    q = parseQuery(text);
  } catch (e) {
    return [info(`$(warning) ${describeError(e)}`)];
  }
  if (q.kind === 'cik')
    return [
      {
        label: `$(organization) CIK ${q.cik}`,
        description: 'its Forms 3, 4 and 5',
        alwaysShow: true,
        act: { do: 'choose', choice: { kind: 'entity', cik: q.cik, name: null } },
      },
    ];
  if (q.kind === 'filing')
    return [
      {
        label: `$(file) Filing ${q.accession}`,
        description: q.cik ? `CIK ${q.cik}` : 'accession number',
        alwaysShow: true,
        act: { do: 'resolve', input: text },
      },
    ];
  const items: Item[] = (tickers ? searchCompanies(tickers, text, 30) : []).map((c) => ({
    label: `$(organization) ${c.name}`,
    description: `${c.ticker} · CIK ${c.cik}`,
    alwaysShow: true,
    act: { do: 'choose', choice: { kind: 'entity', cik: c.cik, name: c.name } },
  }));
  if (loading) items.push(info(`$(loading~spin) ${loading}`));
  if (text.length >= 3)
    items.push({
      label: `$(person) Search EDGAR for people and funds named "${text}"`,
      description: 'full-text search of Forms 3, 4 and 5',
      alwaysShow: true,
      act: { do: 'people', query: text },
    });
  return items;
}

/** Step one: who (or which filing). Undefined when the user dismisses it. */
export function pickEntity(
  client: EdgarClient,
  options: { title: string; allowLatest: boolean; onError: (e: unknown) => void },
): Promise<EntityChoice | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = options.title;
    qp.placeholder = PLACEHOLDER;
    qp.matchOnDescription = true;
    let loading: string | null = null;
    let done = false;
    const ac = new AbortController();
    const finish = (choice: EntityChoice | undefined) => {
      if (done) return;
      done = true;
      resolve(choice);
      qp.hide();
    };
    const refresh = () => {
      qp.items = itemsFor(qp.value, loading, options.allowLatest);
    };
    if (!tickers) {
      loading = "Loading SEC's ticker list...";
      qp.busy = true;
      fetchTickers(client, ac.signal).then(
        (t) => {
          tickers = t;
          loading = null;
          qp.busy = false;
          refresh();
        },
        (e) => {
          loading = `SEC's ticker list could not be read: ${describeError(e)}`;
          qp.busy = false;
          refresh();
        },
      );
    }
    qp.onDidChangeValue(refresh);
    qp.onDidAccept(async () => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item || qp.busy) return;
      const act = item.act;
      if (act.do === 'choose') return finish(act.choice);
      if (act.do === 'nothing') return;
      qp.busy = true;
      try {
        if (act.do === 'resolve') {
          const r = await resolveQuery(client, act.input, { signal: ac.signal, tickers: tickers ?? undefined });
          finish(r.kind === 'filing' ? { kind: 'filing', ref: r.ref } : { kind: 'entity', cik: r.cik, name: r.name });
          return;
        }
        const people = await searchPeople(client, act.query, ac.signal);
        qp.items = people.length
          ? people.map((p) => ({
              label: `$(person) ${p.name}`,
              description: `CIK ${p.cik}`,
              detail: `named on ${p.hits} of the filings found`,
              alwaysShow: true,
              act: { do: 'choose', choice: { kind: 'entity', cik: p.cik, name: p.name } },
            }))
          : [info(`$(info) No one named "${act.query}" on EDGAR's Forms 3, 4 and 5`)];
      } catch (e) {
        options.onError(e);
        qp.items = [info(`$(warning) ${describeError(e)}`)];
      } finally {
        qp.busy = false;
      }
    });
    qp.onDidHide(() => {
      ac.abort();
      qp.dispose();
      if (!done) {
        done = true;
        resolve(undefined);
      }
    });
    refresh();
    qp.show();
  });
}

interface FilingItem extends vscode.QuickPickItem {
  ref?: FilingRef;
  more?: () => Promise<void>;
}

function roleOf(entity: Entity): string {
  if (entity.isIssuer && !entity.isOwner) return `${entity.name} as issuer`;
  if (entity.isOwner && !entity.isIssuer) return `${entity.name} as reporting owner`;
  return entity.name;
}

function listingItem(l: Listing, who: string): FilingItem {
  const accepted = l.acceptanceDateTime
    ? ` · accepted ${l.acceptanceDateTime.replace('T', ' ').replace(/\.000Z$/, '')}`
    : '';
  return {
    label: `$(file) Form ${l.form}   ${l.filingDate}`,
    description: l.accessionNumber,
    detail: `${who}${l.reportDate ? ` · transactions of ${l.reportDate}` : ''}${accepted}`,
    ref: refFromListing(l),
  };
}

/** How a cached EDGAR document is read for its names: in the reading worker, off the extension host's thread. */
export type ReadDocument = DownloadOptions['read'];

/**
 * Owner and issuer names for the filings whose document is in the cache already (read without a request); EDGAR's
 * list does not name them, and asking for every document just to name it would cost a request each.
 */
async function namesFromCache(offline: EdgarClient, read: ReadDocument, items: FilingItem[]): Promise<boolean> {
  let changed = false;
  for (const item of items.slice(0, 200)) {
    if (!item.ref) continue;
    try {
      const r = await offline.get(documentAddress(item.ref, 'xml').url, { kind: 'document' });
      const out = await read(r!.body, 'cached', null);
      if (!out.ok) continue;
      const owners = out.filing.reportingOwners.map((o) => val(o.name)).filter(Boolean);
      item.detail = `${owners.join(', ') || '?'} → ${val(out.filing.issuer.name) ?? '?'}${item.detail?.replace(/^[^·]*/, ' ') ?? ''}`;
      changed = true;
    } catch {
      /* not cached */
    }
  }
  return changed;
}

/**
 * Step two: one of the entity's Forms 3/4/5 (its latest filings; older ones page by page on request), or one of
 * EDGAR's latest filings. Undefined when dismissed.
 */
export function pickFiling(
  client: EdgarClient,
  offline: EdgarClient,
  read: ReadDocument,
  choice: Extract<EntityChoice, { kind: 'entity' | 'latest' }>,
  onError: (e: unknown) => void,
): Promise<FilingRef | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<FilingItem>();
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.placeholder = 'Filter by date, form, accession number or name';
    qp.title =
      choice.kind === 'latest'
        ? 'Latest Forms 3, 4 and 5 on EDGAR'
        : `Forms 3, 4 and 5 of ${choice.name ?? `CIK ${choice.cik}`}`;
    qp.busy = true;
    qp.show();
    const ac = new AbortController();
    let done = false;
    let filings: FilingItem[] = [];
    let tail: FilingItem[] = [];
    const show = () => {
      qp.items = [...filings, ...tail];
    };
    const run = async (work: () => Promise<void>) => {
      qp.busy = true;
      try {
        await work();
      } catch (e) {
        onError(e);
      } finally {
        qp.busy = false;
      }
    };

    if (choice.kind === 'entity') {
      void run(async () => {
        const { entity, recent } = await fetchSubmissions(client, choice.cik, ac.signal);
        qp.title = `Forms 3, 4 and 5 of ${entity.name} (CIK ${entity.cik})`;
        const who = roleOf(entity);
        filings = recent.filter((l) => baseForm(l.form)).map((l) => listingItem(l, who));
        const pages = [...entity.olderPages];
        const pageItem = (i: number): FilingItem => ({
          label: `$(history) Older filings, ${pages[i].filingFrom} to ${pages[i].filingTo}`,
          description: `${pages[i].filingCount} filings of all kinds`,
          alwaysShow: true,
          more: () =>
            run(async () => {
              const r = await client.get(submissionsPageUrl(pages[i].name), {
                kind: 'listing',
                signal: ac.signal,
                validate: (b, u) => parseColumns(JSON.parse(b.toString('utf8')), entity.cik, u),
              });
              filings = filings.concat(r!.value.filter((l) => baseForm(l.form)).map((l) => listingItem(l, who)));
              tail = i + 1 < pages.length ? [pageItem(i + 1)] : [];
              show();
            }),
        });
        tail = pages.length ? [pageItem(0)] : [];
        if (!filings.length && !tail.length)
          tail = [{ label: `$(info) EDGAR lists no Forms 3, 4 or 5 of ${entity.name}`, alwaysShow: true }];
        show();
        if (await namesFromCache(offline, read, filings)) show();
      });
    } else {
      const feed = currentFilings(client, { forms: ['4'], signal: ac.signal });
      const next = (): Promise<void> =>
        run(async () => {
          const page = await feed.next();
          if (!page.done) filings = filings.concat(page.value.map(feedItem));
          tail = page.done ? [] : [{ label: '$(more) More', alwaysShow: true, more: next }];
          show();
        });
      void next();
    }
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0];
      if (!item || qp.busy) return;
      if (item.more) void item.more();
      else if (item.ref) {
        done = true;
        resolve(item.ref);
        qp.hide();
      }
    });
    qp.onDidHide(() => {
      ac.abort();
      qp.dispose();
      if (!done) resolve(undefined);
    });
  });
}

function feedItem(f: CurrentFiling): FilingItem {
  const owners = f.owners.map((o) => o.name).join(', ') || '?';
  const cik = f.issuer?.cik ?? f.owners[0]?.cik ?? '';
  return {
    label: `$(file) Form ${f.form}   ${f.acceptedAt ? f.acceptedAt.slice(0, 16).replace('T', ' ') : (f.filingDate ?? '')}`,
    description: f.accessionNumber,
    detail: `${owners} → ${f.issuer?.name ?? '?'}`,
    ref: {
      cik,
      accessionNumber: f.accessionNumber,
      form: f.form,
      filingDate: f.filingDate,
      acceptanceDateTime: f.acceptedAt,
      primaryDocument: null,
    },
  };
}
