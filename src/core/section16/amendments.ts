/**
 * Which filing of a set an amendment (4/A, 3/A, 5/A) amends: an original filing (not an amendment) of the same form,
 * issuer and reporting owners, filed on the date the amendment gives as its date of original submission. When the
 * original's filing date is not known (an ownership XML file carries none), a filing of the same form, issuer, owners
 * and period of report stands in, and the pairing says so. The EDGAR accession number of the original is shown when
 * known.
 */
import type { Filing } from '../model';
import { baseName } from '../format';
import { dateValue, docType, formNumber, isAmendment } from '../fields';
import { accessionOf, filedOf, type EdgarFacts } from './filed';
import { PartyIndex } from './parties';

/** How an amendment was paired with its original. */
export type PairedBy = 'date-of-original-submission' | 'period-of-report' | 'given';

export interface Pairing {
  amendment: Filing;
  original: Filing | null;
  by: PairedBy | null;
  /** One sentence for a person: how the original was found, or why it was not. */
  note: string;
  /** Other filings that would fit as well (the pairing took the first). */
  alsoPossible: Filing[];
}

function sameParties(a: Filing, b: Filing, parties: PartyIndex): boolean {
  if (parties.issuer(a).key !== parties.issuer(b).key) return false;
  const ka = parties
    .owners(a)
    .map((p) => p.key)
    .sort();
  const kb = parties
    .owners(b)
    .map((p) => p.key)
    .sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** "Form 4 of Northwind Biosciences for Adaeze N. Okafor filed 2024-03-19". */
function wanted(amendment: Filing, parties: PartyIndex): string {
  const orig = dateValue(amendment.dateOfOriginalSubmission);
  const owners = parties
    .owners(amendment)
    .map((p) => p.name || p.cik)
    .join(', ');
  return `Form ${formNumber(amendment) ?? '?'} of ${parties.issuer(amendment).name || 'the issuer'} for ${owners || 'its reporting owners'}${orig ? ` filed ${orig}` : ''}`;
}

function described(f: Filing, edgar?: EdgarFacts): string {
  const acc = accessionOf(f);
  const filed = filedOf(f, edgar);
  return `${baseName(f.file)}${acc ? ` (accession ${acc})` : ''}${filed ? `, filed ${filed.date}` : ''}`;
}

/**
 * The original of `amendment` among `filings` (the amendment itself and other amendments are never its original).
 * `parties` resolves owners across the set; pass the set's index when pairing many amendments.
 */
export function findOriginal(
  amendment: Filing,
  filings: readonly Filing[],
  edgar?: EdgarFacts,
  parties: PartyIndex = new PartyIndex([amendment, ...filings]),
): Pairing {
  const none = (note: string): Pairing => ({ amendment, original: null, by: null, note, alsoPossible: [] });
  if (!isAmendment(amendment)) return none(`${docType(amendment) ?? 'This filing'} is not an amendment`);
  const form = formNumber(amendment);
  const origDate = dateValue(amendment.dateOfOriginalSubmission);
  const candidates = filings.filter(
    (f) => f !== amendment && !isAmendment(f) && formNumber(f) === form && sameParties(f, amendment, parties),
  );
  const filedOn = origDate ? candidates.filter((f) => filedOf(f, edgar)?.date === origDate) : [];
  if (filedOn.length) {
    const [original, ...alsoPossible] = filedOn;
    return {
      amendment,
      original,
      by: 'date-of-original-submission',
      note: `The original is ${described(original, edgar)}: same form, issuer and reporting owners, filed on the amendment's date of original submission`,
      alsoPossible,
    };
  }
  const period = dateValue(amendment.periodOfReport);
  const samePeriod = period
    ? candidates.filter((f) => !filedOf(f, edgar) && dateValue(f.periodOfReport) === period)
    : [];
  if (samePeriod.length) {
    const [original, ...alsoPossible] = samePeriod;
    return {
      amendment,
      original,
      by: 'period-of-report',
      note: `The original is taken to be ${described(original, edgar)}: same form, issuer, reporting owners and period of report (${period}); its filing date is not known, so it cannot be checked against the date of original submission${origDate ? ` (${origDate})` : ''}`,
      alsoPossible,
    };
  }
  return none(`The original (${wanted(amendment, parties)}) is not in the set`);
}

/** The pairing of an amendment with an original the user chose; the note says where it does not fit. */
export function givenOriginal(amendment: Filing, original: Filing, edgar?: EdgarFacts): Pairing {
  const parties = new PartyIndex([amendment, original]);
  const misfits: string[] = [];
  if (!isAmendment(amendment)) misfits.push(`${amendment.file} is not an amendment`);
  if (isAmendment(original)) misfits.push(`${original.file} is itself an amendment`);
  if (formNumber(original) !== formNumber(amendment)) misfits.push('the forms differ');
  if (!sameParties(original, amendment, parties)) misfits.push('the issuer or the reporting owners differ');
  const origDate = dateValue(amendment.dateOfOriginalSubmission);
  const filed = filedOf(original, edgar);
  if (origDate && filed && filed.date !== origDate)
    misfits.push(`it was filed ${filed.date}, not on the date of original submission ${origDate}`);
  return {
    amendment,
    original,
    by: 'given',
    note: `Compared with ${described(original, edgar)} as given${misfits.length ? `; note: ${misfits.join('; ')}` : ''}`,
    alsoPossible: [],
  };
}

/** Every amendment of the set with its pairing, in the set's order. */
export function pairAmendments(filings: readonly Filing[], edgar?: EdgarFacts): Pairing[] {
  const parties = new PartyIndex(filings);
  return filings.filter(isAmendment).map((a) => findOriginal(a, filings, edgar, parties));
}
