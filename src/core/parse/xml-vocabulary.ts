/**
 * The ownership XML's vocabulary as the reader maps it: the schema versions it knows, which element of a row, an
 * owner or the document holds which field and how its value is normalized, and which elements hold values only,
 * by which a broken document's swallowed elements are put back where the filer meant them (`kids`).
 */
import type { ReportingOwner } from '../model';
import type { XmlElement } from '../xml/scan';
import { collapseWs, normBool, normCode, normDate, normDecimal } from '../xml/normalize';

/** Schema versions of the published ownership XSDs that this reader knows. */
export const KNOWN_SCHEMAS = new Set([
  'X0101',
  'X0102',
  'X0201',
  'X0202',
  'X0203',
  'X0204',
  'X0205',
  'X0206',
  'X0301',
  'X0302',
  'X0303',
  'X0304',
  'X0305',
  'X0306',
  'X0407',
  'X0508',
  'X0609',
]);

export type Norm = 'text' | 'decimal' | 'date' | 'bool' | 'code' | 'collapse';

/** Row fields by element name and how their values are read. */
export const ROW_FIELDS = new Map<string, Norm>([
  ['securityTitle', 'text'],
  ['transactionDate', 'date'],
  ['deemedExecutionDate', 'date'],
  ['transactionTimeliness', 'code'],
  ['transactionShares', 'decimal'],
  ['transactionPricePerShare', 'decimal'],
  ['transactionAcquiredDisposedCode', 'code'],
  ['sharesOwnedFollowingTransaction', 'decimal'],
  ['valueOwnedFollowingTransaction', 'decimal'],
  ['directOrIndirectOwnership', 'code'],
  ['natureOfOwnership', 'text'],
]);
export const DERIVATIVE_ONLY_FIELDS = new Map<string, Norm>([
  ['conversionOrExercisePrice', 'decimal'],
  ['transactionTotalValue', 'decimal'],
  ['exerciseDate', 'date'],
  ['expirationDate', 'date'],
  ['underlyingSecurityTitle', 'text'],
  ['underlyingSecurityShares', 'decimal'],
  ['underlyingSecurityValue', 'decimal'],
]);
/** Elements that only group row fields. */
export const ROW_GROUPS = new Set([
  'transactionAmounts',
  'postTransactionAmounts',
  'ownershipNature',
  'underlyingSecurity',
]);

export const OWNER_FIELDS = new Map<string, [keyof ReportingOwner, Norm]>([
  ['rptOwnerCik', ['cik', 'text']],
  ['rptOwnerCcc', ['ccc', 'text']],
  ['rptOwnerName', ['name', 'text']],
  ['rptOwnerStreet1', ['street1', 'text']],
  ['rptOwnerStreet2', ['street2', 'text']],
  ['rptOwnerCity', ['city', 'text']],
  ['rptOwnerState', ['state', 'text']],
  ['rptOwnerZipCode', ['zipCode', 'text']],
  ['rptOwnerStateDescription', ['stateDescription', 'text']],
  ['isDirector', ['isDirector', 'bool']],
  ['isOfficer', ['isOfficer', 'bool']],
  ['isTenPercentOwner', ['isTenPercentOwner', 'bool']],
  ['isOther', ['isOther', 'bool']],
  ['officerTitle', ['officerTitle', 'text']],
  ['otherText', ['otherText', 'text']],
]);
export const OWNER_GROUPS = new Set(['reportingOwnerId', 'reportingOwnerAddress', 'reportingOwnerRelationship']);
/**
 * Known elements we read nothing from: rptOwnerGoodAddress, and the non-US address of X0609 (a flag, a state or
 * territory, a country code).
 */
export const OWNER_IGNORED = new Set([
  'rptOwnerGoodAddress',
  'rptOwnerNonUSAddressFlag',
  'rptOwnerNonUSStateTerritory',
  'rptOwnerCountry',
]);
/** Issuer elements we read nothing from: X0609's trading symbol on a foreign exchange. */
export const ISSUER_IGNORED = new Set(['issuerForeignTradingSymbol']);

export type DocKey =
  | 'schemaVersion'
  | 'documentType'
  | 'periodOfReport'
  | 'dateOfOriginalSubmission'
  | 'notSubjectToSection16'
  | 'noSecuritiesOwned'
  | 'form3HoldingsReported'
  | 'form4TransactionsReported'
  | 'aff10b5One'
  | 'remarks';
export const DOC_FIELDS = new Map<string, Norm>([
  ['schemaVersion', 'text'],
  ['documentType', 'code'],
  ['periodOfReport', 'date'],
  ['dateOfOriginalSubmission', 'date'],
  ['notSubjectToSection16', 'bool'],
  ['noSecuritiesOwned', 'bool'],
  ['form3HoldingsReported', 'bool'],
  ['form4TransactionsReported', 'bool'],
  ['aff10b5One', 'bool'],
  ['remarks', 'collapse'],
]);

/** Elements that hold a value, not other elements (what an unclosed one swallows belongs beside it). */
export const LEAVES = new Set([
  ...DOC_FIELDS.keys(),
  ...ROW_FIELDS.keys(),
  ...DERIVATIVE_ONLY_FIELDS.keys(),
  ...OWNER_FIELDS.keys(),
  'issuerCik',
  'issuerName',
  'issuerTradingSymbol',
  'signatureName',
  'signatureDate',
  'transactionFormType',
  'transactionCode',
  'equitySwapInvolved',
  'footnote',
]);

/** A value element holding elements it cannot hold (only a broken tag puts them there). */
export function swallows(el: XmlElement): boolean {
  if (el.children.length === 0 || !LEAVES.has(el.local)) return false;
  return el.children.some((c) =>
    el.local === 'footnote' ? c.local === 'footnote' : c.local !== 'value' && c.local !== 'footnoteId',
  );
}

/**
 * The children of an element as the filer meant them. In a malformed document a value element left unclosed
 * (`<periodOfReport>2024-01-10<periodOfReport>`, a "/" missing) swallows the elements after it until an
 * ancestor's end tag; those are returned here as siblings, in document order, so nothing after the break is lost.
 * (A value element cannot hold other elements, and a footnote cannot hold a footnote, so this never changes
 * the reading of a document that follows the schema.) Otherwise the children are returned as they are.
 */
export function kids(el: XmlElement, onMove?: (moved: XmlElement, from: XmlElement) => void): readonly XmlElement[] {
  const ch = el.children;
  let out: XmlElement[] | null = null;
  for (let i = 0; i < ch.length; i++) {
    const c = ch[i];
    if (swallows(c)) {
      out ??= ch.slice(0, i);
      // The stray start tag itself (inside an unclosed one of the same name) is an artifact, not a value.
      if (!(el.local === c.local && !el.closed)) out.push(c);
      // What belongs to the element itself stays with it: its value and citations (a footnote: its inline markup).
      for (const g of kids(c, onMove))
        if (c.local === 'footnote' ? g.local === 'footnote' : g.local !== 'value' && g.local !== 'footnoteId') {
          out.push(g);
          if (onMove && g.parent === c) onMove(g, c);
        }
    } else if (out) out.push(c);
  }
  return out ?? ch;
}

export function normalize(raw: string, norm: Norm): unknown {
  switch (norm) {
    case 'text':
      return raw;
    case 'collapse':
      return collapseWs(raw);
    case 'decimal':
      return normDecimal(raw);
    case 'date':
      return normDate(raw);
    case 'bool':
      return normBool(raw);
    case 'code':
      return normCode(raw);
  }
}
