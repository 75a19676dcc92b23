/**
 * The transactions a set of filings reports, each once: a filing present twice (the same accession, or the same
 * content read from two files, such as an XML document and its EDGAR submission) counts once, and an amendment whose
 * original is in the set corrects it: a row it changes replaces the original's, a row it adds is added, a row it
 * leaves unchanged counts once. A row of the original that an amendment does not repeat is kept (amendments often
 * restate only what they correct). An amendment without its original in the set counts as it stands.
 */
import type { Filing, Row } from '../model';
import { canonical } from '../decimal';
import { docType, isAmendment, val } from '../fields';
import { normTitle, transactionRows } from '../holdings';
import { pairAmendments, type Pairing } from './amendments';
import { compareFilings, rowSignature } from './compare';
import { accessionOf, filedOf, type EdgarFacts } from './filed';
import { PartyIndex } from './parties';

export interface EffectiveRow {
  /** The filing the row is read from (the amendment, for a row it changed or added). */
  filing: Filing;
  row: Row;
  /** For a row an amendment changed: the original's row it replaces. */
  replaces?: { filing: Filing; row: Row };
}

export interface EffectiveSet {
  /** Each filing once, in the order given. */
  filings: Filing[];
  /** Filings left out as another copy of one kept. */
  duplicates: { filing: Filing; sameAs: Filing }[];
  /** Every amendment kept, with its original (or why none). */
  pairings: Pairing[];
  /** The transaction rows (both tables), amendments applied, in the order of their filings. */
  rows: EffectiveRow[];
}

/** What two copies of one filing share, whatever file they were read from. */
function fingerprint(f: Filing, parties: PartyIndex): string {
  const rows = [...f.nonDerivative, ...f.derivative].map((r) =>
    [
      r.table,
      r.kind,
      normTitle(val(r.securityTitle)),
      val(r.transactionDate) ?? '',
      (val(r.transactionCode) ?? '').toUpperCase(),
      canonical(val(r.transactionShares)),
      canonical(val(r.transactionPricePerShare)),
      canonical(val(r.sharesOwnedFollowingTransaction)),
    ].join(','),
  );
  return [
    docType(f) ?? '',
    parties.issuer(f).key,
    parties
      .owners(f)
      .map((p) => p.key)
      .sort()
      .join(','),
    val(f.periodOfReport) ?? '',
    val(f.dateOfOriginalSubmission) ?? '',
    ...rows,
  ].join('\u0001');
}

/** The filings of the set without duplicates, and which were left out as copies. */
export function uniqueFilings(filings: readonly Filing[]): Pick<EffectiveSet, 'filings' | 'duplicates'> {
  const parties = new PartyIndex(filings);
  const byAccession = new Map<string, Filing>();
  const byPrint = new Map<string, Filing>();
  const kept: Filing[] = [];
  const duplicates: EffectiveSet['duplicates'] = [];
  for (const f of filings) {
    const acc = accessionOf(f);
    const print = fingerprint(f, parties);
    const sameAcc = acc ? byAccession.get(acc) : undefined;
    const samePrint = byPrint.get(print);
    // Two accession numbers are two filings even with the same content; a copy without one is a copy.
    const sameAs = sameAcc ?? (samePrint && (!acc || !accessionOf(samePrint)) ? samePrint : undefined);
    if (sameAs) {
      duplicates.push({ filing: f, sameAs });
      continue;
    }
    kept.push(f);
    if (acc) byAccession.set(acc, f);
    if (!byPrint.has(print)) byPrint.set(print, f);
  }
  return { filings: kept, duplicates };
}

export function effectiveSet(all: readonly Filing[], edgar?: EdgarFacts): EffectiveSet {
  const { filings, duplicates } = uniqueFilings(all);
  const pairings = pairAmendments(filings, edgar);
  // Amendments of one original apply in the order they were filed (unknown dates last), later ones winning.
  const byOriginal = new Map<Filing, Pairing[]>();
  for (const p of pairings) {
    if (!p.original) continue;
    const list = byOriginal.get(p.original);
    if (list) list.push(p);
    else byOriginal.set(p.original, [p]);
  }
  const order = new Map(filings.map((f, i) => [f, i]));
  const filedKey = (f: Filing) => filedOf(f, edgar)?.date ?? '9999-99-99';
  const rows: EffectiveRow[] = [];
  for (const f of filings) {
    if (isAmendment(f)) {
      if (!pairings.find((p) => p.amendment === f)?.original)
        for (const row of transactionRows(f)) rows.push({ filing: f, row });
      continue;
    }
    const amendments = (byOriginal.get(f) ?? [])
      .map((p) => p.amendment)
      .sort((a, b) => filedKey(a).localeCompare(filedKey(b)) || order.get(a)! - order.get(b)!);
    const replaced = new Map<Row, EffectiveRow>();
    const added: EffectiveRow[] = [];
    const addedSignatures = new Set<string>();
    for (const a of amendments) {
      for (const d of compareFilings(f, a).rows) {
        if (d.after?.kind !== 'transaction' && d.before?.kind !== 'transaction') continue;
        if (d.status === 'changed' && d.before && d.after)
          replaced.set(d.before, { filing: a, row: d.after, replaces: { filing: f, row: d.before } });
        else if (d.status === 'added' && d.after) {
          const sig = rowSignature(d.after);
          if (!addedSignatures.has(sig)) {
            addedSignatures.add(sig);
            added.push({ filing: a, row: d.after });
          }
        }
      }
    }
    for (const row of transactionRows(f)) rows.push(replaced.get(row) ?? { filing: f, row });
    rows.push(...added);
  }
  return { filings, duplicates, pairings, rows };
}
