/** Structure and value formats: docs/RULES.md, "Structure and value formats" (sources TS 1 to TS 8). */
import type { Field, Filing, Row } from '../model';
import { dayNumber } from '../dates';
import { allRows, docType, fieldPlace, normCik, formNumber, isExactSource, locOf, rel, rowLabel, val } from '../fields';
import { MAX_DECIMAL_LENGTH } from '../decimal';
import { type Draft, type RuleDef, draft, q } from './types';

const DOCUMENT_TYPES = ['3', '3/A', '4', '4/A', '5', '5/A'];

export const documentType: RuleDef = {
  id: 'document-type',
  severity: 'error',
  title: 'Document type',
  description: 'documentType is one of 3, 3/A, 4, 4/A, 5, 5/A.',
  source: 'TS 1',
  check({ filing }) {
    const f = filing.documentType;
    const t = docType(filing);
    if (t === null) {
      if (filing.source === 'pdf' || filing.source === 'text') return [];
      return [
        draft(
          'The filing has no documentType (expected one of 3, 3/A, 4, 4/A, 5, 5/A)',
          locOf(f, filing.documentSpan ? { span: filing.documentSpan } : null),
        ),
      ];
    }
    if (!DOCUMENT_TYPES.includes(t))
      return [draft(`documentType ${q(f.raw ?? t)} is not one of ${DOCUMENT_TYPES.join(', ')}`, locOf(f))];
    return [];
  },
};

type Kind = 'boolean' | 'date' | 'decimal' | 'DI' | 'AD' | 'timeliness' | 'cik';

const BOOLEAN = /^(0|1|true|false)$/;
const DATE = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

function formatProblem(kind: Kind, raw: string): string | null {
  const t = raw.trim();
  switch (kind) {
    case 'boolean':
      return BOOLEAN.test(t) ? null : 'is not a boolean (1, 0, true or false)';
    case 'date': {
      const m = DATE.exec(t);
      if (!m) return 'is not a date in YYYY-MM-DD form';
      return dayNumber(m[1]) === null ? 'is not a real calendar date' : null;
    }
    case 'decimal':
      if (DECIMAL.test(t)) return null;
      if (/[,$()\-+\s]/.test(t) && /\d/.test(t))
        return 'is not a plain decimal (only digits and one period; no commas, sign, $ or parentheses)';
      return 'is not a decimal number';
    case 'DI':
      return /^[DI]$/.test(t) ? null : 'is not D (direct) or I (indirect)';
    case 'AD':
      return /^[AD]$/.test(t) ? null : 'is not A (acquired) or D (disposed)';
    case 'timeliness':
      return /^[EL]?$/.test(t) ? null : 'is not E (early), L (late) or empty';
    case 'cik':
      return /^[0-9]{1,10}$/.test(t) ? null : 'is not a CIK (1 to 10 digits)';
  }
}

const ROW_KINDS: [keyof Row | string, Kind][] = [
  ['transactionDate', 'date'],
  ['deemedExecutionDate', 'date'],
  ['equitySwapInvolved', 'boolean'],
  ['transactionTimeliness', 'timeliness'],
  ['transactionShares', 'decimal'],
  ['transactionPricePerShare', 'decimal'],
  ['transactionAcquiredDisposedCode', 'AD'],
  ['sharesOwnedFollowingTransaction', 'decimal'],
  ['valueOwnedFollowingTransaction', 'decimal'],
  ['directOrIndirectOwnership', 'DI'],
  ['conversionOrExercisePrice', 'decimal'],
  ['transactionTotalValue', 'decimal'],
  ['exerciseDate', 'date'],
  ['expirationDate', 'date'],
  ['underlyingSecurityShares', 'decimal'],
  ['underlyingSecurityValue', 'decimal'],
];

const NAME_OF: Record<Kind, string> = {
  boolean: 'boolean',
  date: 'date',
  decimal: 'decimal',
  DI: 'ownership form',
  AD: 'acquired/disposed code',
  timeliness: 'timeliness',
  cik: 'CIK',
};

/**
 * A checked field and how a finding names it. A row's field is named by its place in the table (`fieldPlace`),
 * worked out only for a field that has a finding: naming every field of every row was a tenth of the rules' time.
 */
interface Checked {
  label: string;
  field: Field<unknown>;
  row?: Row;
}

/** The name of a checked field. */
function labelOf(filing: Filing, c: Checked): string {
  return c.row ? fieldPlace(filing, c.row, c.label, true) : c.label;
}

function typedFields(filing: Filing): (Checked & { kind: Kind })[] {
  const out: (Checked & { kind: Kind })[] = [
    { label: 'periodOfReport', field: filing.periodOfReport, kind: 'date' },
    { label: 'dateOfOriginalSubmission', field: filing.dateOfOriginalSubmission, kind: 'date' },
    { label: 'notSubjectToSection16', field: filing.notSubjectToSection16, kind: 'boolean' },
    { label: 'noSecuritiesOwned', field: filing.noSecuritiesOwned, kind: 'boolean' },
    { label: 'form3HoldingsReported', field: filing.form3HoldingsReported, kind: 'boolean' },
    { label: 'form4TransactionsReported', field: filing.form4TransactionsReported, kind: 'boolean' },
    { label: 'aff10b5One', field: filing.aff10b5One, kind: 'boolean' },
    { label: 'issuerCik', field: filing.issuer.cik, kind: 'cik' },
  ];
  filing.reportingOwners.forEach((o, i) => {
    out.push({ label: `Reporting owner ${i + 1} rptOwnerCik`, field: o.cik, kind: 'cik' });
    for (const k of ['isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther'] as const)
      out.push({ label: `Reporting owner ${i + 1} ${k}`, field: o[k], kind: 'boolean' });
  });
  filing.signatures.forEach((s, i) => out.push({ label: `Signature ${i + 1} date`, field: s.date, kind: 'date' }));
  for (const row of allRows(filing)) {
    const rec = row as unknown as Record<string, Field<unknown> | undefined>;
    for (const [name, kind] of ROW_KINDS) {
      const field = rec[name as string];
      if (field) out.push({ label: String(name), field, kind, row });
    }
  }
  return out;
}

export const valueFormat: RuleDef = {
  id: 'value-format',
  severity: 'error',
  title: 'Value formats',
  description:
    'Booleans are 1/0/true/false; dates YYYY-MM-DD (a zone suffix such as -05:00 accepted); decimals are digits and one period (no sign, commas or $); CIKs 1 to 10 digits; D/I, A/D and timeliness pick lists.',
  source: 'TS 2',
  check({ filing }) {
    // Text, HTML, PDF and OCR readers normalize what they read, so only a number too long to compute with is theirs
    // to report: left unsaid, the running tally would pass over its row in silence.
    if (!isExactSource(filing)) return overlongNumbers(filing);
    const out: Draft[] = [];
    for (const c of typedFields(filing)) {
      const { field, kind, row } = c;
      if (field.raw === null || field.raw.trim() === '') continue;
      const problem = formatProblem(kind, field.raw);
      if (problem) out.push(draft(`${labelOf(filing, c)}: ${q(field.raw)} ${problem}`, locOf(field, row)));
      else if (kind !== 'timeliness' && kind !== 'cik' && field.value === null)
        out.push(
          draft(`${labelOf(filing, c)}: ${q(field.raw)} could not be read as a ${NAME_OF[kind]}`, locOf(field, row)),
        );
    }
    return out;
  },
};

/** Numbers longer than the checks compute with (MAX_DECIMAL_LENGTH), each at its place. */
function overlongNumbers(filing: Filing): Draft[] {
  const out: Draft[] = [];
  for (const c of typedFields(filing)) {
    const { field, kind, row } = c;
    const raw = field.raw?.trim() ?? '';
    if (kind === 'decimal' && raw.length > MAX_DECIMAL_LENGTH)
      out.push(
        draft(
          `${labelOf(filing, c)}: a number of ${raw.length.toLocaleString('en-US')} characters, more than the ${MAX_DECIMAL_LENGTH} the checks compute with: it is kept as written, and the running tally cannot check its row`,
          locOf(field, row),
        ),
      );
  }
  return out;
}

/** Every length-limited text with its limit. */
function limitedTexts(filing: Filing): (Checked & { max: number })[] {
  const out: (Checked & { max: number })[] = [
    { label: 'issuerName', field: filing.issuer.name, max: 150 },
    { label: 'issuerTradingSymbol', field: filing.issuer.tradingSymbol, max: 10 },
    { label: 'issuerCik', field: filing.issuer.cik, max: 10 },
    { label: 'remarks', field: filing.remarks, max: 2000 },
  ];
  filing.reportingOwners.forEach((o, i) => {
    const p = `Reporting owner ${i + 1} `;
    out.push({ label: p + 'rptOwnerCik', field: o.cik, max: 10 });
    out.push({ label: p + 'rptOwnerName', field: o.name, max: 150 });
    out.push({ label: p + 'rptOwnerStreet1', field: o.street1, max: 40 });
    out.push({ label: p + 'rptOwnerStreet2', field: o.street2, max: 40 });
    out.push({ label: p + 'rptOwnerCity', field: o.city, max: 30 });
    out.push({ label: p + 'rptOwnerZipCode', field: o.zipCode, max: 10 });
    out.push({ label: p + 'rptOwnerStateDescription', field: o.stateDescription, max: 50 });
    out.push({ label: p + 'officerTitle', field: o.officerTitle, max: 30 });
    out.push({ label: p + 'otherText', field: o.otherText, max: 30 });
  });
  filing.signatures.forEach((s, i) => out.push({ label: `Signature ${i + 1} signatureName`, field: s.name, max: 255 }));
  filing.footnotes.forEach((fn) =>
    out.push({ label: `Footnote ${fn.id.value ?? fn.id.raw ?? '?'}`, field: fn.text, max: 1000 }),
  );
  for (const row of allRows(filing)) {
    out.push({ label: 'securityTitle', field: row.securityTitle, max: 60, row });
    out.push({ label: 'natureOfOwnership', field: row.natureOfOwnership, max: 100, row });
    if (row.table === 'derivative')
      out.push({ label: 'underlyingSecurityTitle', field: row.underlyingSecurityTitle, max: 60, row });
  }
  return out;
}

export const lengthLimit: RuleDef = {
  id: 'length-limit',
  severity: 'error',
  title: 'Length limits',
  description:
    'Text lengths within the spec: securityTitle 60, natureOfOwnership 100, footnote 1000, remarks 2000, officerTitle/otherText 30, names 150, CIK 10, and the address limits.',
  source: 'TS 3',
  check({ filing }) {
    if (!isExactSource(filing) && filing.source !== 'html') return [];
    const out: Draft[] = [];
    for (const c of limitedTexts(filing)) {
      const { field, max, row } = c;
      const text = field.raw ?? (typeof field.value === 'string' ? field.value : null);
      if (text === null) continue;
      if (text.length > max)
        out.push(
          draft(
            `${labelOf(filing, c)} is ${text.length.toLocaleString('en-US')} characters long; the limit is ${max}`,
            locOf(field, row),
          ),
        );
    }
    return out;
  },
};

export const countLimit: RuleDef = {
  id: 'count-limit',
  severity: 'error',
  title: 'Counts',
  description: 'At most 10 reporting owners, 99 footnotes, 30 rows per table and 10 signatures.',
  source: 'TS 4',
  check({ filing }) {
    if (!isExactSource(filing) && filing.source !== 'html') return []; // a printed form continues over pages
    const out: Draft[] = [];
    const over = <T extends { span: import('../model').Span | null; page?: number | null }>(
      items: T[],
      max: number,
      what: string,
    ) => {
      if (items.length > max) {
        const first = items[max];
        out.push(
          draft(`The filing has ${items.length} ${what}; at most ${max} are allowed`, {
            span: first.span,
            page: first.page ?? null,
          }),
        );
      }
    };
    over(filing.reportingOwners, 10, 'reporting owners');
    over(filing.footnotes, 99, 'footnotes');
    over(filing.nonDerivative, 30, 'rows in Table I');
    over(filing.derivative, 30, 'rows in Table II');
    over(filing.signatures, 10, 'signatures');
    return out;
  },
};

export const ownerCikRepeated: RuleDef = {
  id: 'owner-cik-repeated',
  severity: 'error',
  title: 'Reporting owner repeated',
  description: 'A reporting owner CIK appears only once per filing.',
  source: 'TS 4',
  check({ filing }) {
    const out: Draft[] = [];
    const seen = new Map<string, number>();
    filing.reportingOwners.forEach((o, i) => {
      const c = normCik(val(o.cik));
      if (c === null) return;
      const prev = seen.get(c);
      if (prev !== undefined) {
        const first = filing.reportingOwners[prev];
        out.push(
          draft(`Reporting owner ${i + 1} repeats CIK ${val(o.cik)} of reporting owner ${prev + 1}`, locOf(o.cik, o), [
            rel(`Reporting owner ${prev + 1} has CIK ${val(first.cik)}`, locOf(first.cik, first)),
          ]),
        );
      } else seen.set(c, i);
    });
    return out;
  },
};

function ownerHasRelationshipData(o: Filing['reportingOwners'][number]): boolean {
  return o.isDirector.present || o.isOfficer.present || o.isTenPercentOwner.present || o.isOther.present;
}

export const relationshipMissing: RuleDef = {
  id: 'relationship-missing',
  severity: 'error',
  title: 'No relationship',
  description: 'Each reporting owner is at least one of director, officer, 10% owner or other.',
  source: 'TS 5',
  check({ filing }) {
    const out: Draft[] = [];
    filing.reportingOwners.forEach((o, i) => {
      if (!ownerHasRelationshipData(o) && !isExactSource(filing)) return;
      if (
        o.isDirector.value === true ||
        o.isOfficer.value === true ||
        o.isTenPercentOwner.value === true ||
        o.isOther.value === true
      )
        return;
      const name = val(o.name);
      out.push(
        draft(
          `Reporting owner ${i + 1}${name ? ` (${name})` : ''} has no relationship to the issuer: none of director, officer, 10% owner or other is checked`,
          locOf(o.isDirector.present ? o.isDirector : o.isOfficer.present ? o.isOfficer : null, o),
        ),
      );
    });
    return out;
  },
};

export const officerTitleMissing: RuleDef = {
  id: 'officer-title-missing',
  severity: 'error',
  title: 'Officer without title',
  description: 'isOfficer needs officerTitle.',
  source: 'TS 5',
  check({ filing }) {
    const out: Draft[] = [];
    filing.reportingOwners.forEach((o, i) => {
      if (o.isOfficer.value === true && val(o.officerTitle) === null)
        out.push(draft(`Reporting owner ${i + 1} is an officer but gives no officer title`, locOf(o.isOfficer, o)));
    });
    return out;
  },
};

export const otherTextMissing: RuleDef = {
  id: 'other-text-missing',
  severity: 'error',
  title: 'Other relationship without text',
  description: 'isOther needs otherText.',
  source: 'TS 5',
  check({ filing }) {
    const out: Draft[] = [];
    filing.reportingOwners.forEach((o, i) => {
      if (o.isOther.value === true && val(o.otherText) === null)
        out.push(
          draft(
            `Reporting owner ${i + 1} checks "Other" but does not say what the relationship is (otherText)`,
            locOf(o.isOther, o),
          ),
        );
    });
    return out;
  },
};

export const natureOfOwnership: RuleDef = {
  id: 'nature-of-ownership',
  severity: 'error',
  title: 'Nature of indirect ownership',
  description: 'Ownership form D has no natureOfOwnership; I requires it (a text or a footnote).',
  source: 'TS 6',
  check({ filing }) {
    const out: Draft[] = [];
    for (const row of allRows(filing)) {
      const di = (val(row.directOrIndirectOwnership) ?? '').toUpperCase();
      const nature = val(row.natureOfOwnership);
      if (di === 'D' && nature !== null)
        out.push(
          draft(
            `${rowLabel(row)}: ownership is direct (D) but a nature of indirect ownership is given: ${q(nature)}`,
            locOf(row.natureOfOwnership, row),
            [rel('Ownership form D', locOf(row.directOrIndirectOwnership, row))],
          ),
        );
      if (di === 'I' && nature === null && row.natureOfOwnership.footnotes.length === 0)
        out.push(
          draft(
            `${rowLabel(row)}: ownership is indirect (I) but the nature of indirect ownership is not given`,
            locOf(row.directOrIndirectOwnership, row),
          ),
        );
    }
    return out;
  },
};

function hasValue(f: Field<unknown>): boolean {
  return val(f) !== null;
}

export const exactlyOneOf: RuleDef = {
  id: 'exactly-one-of',
  severity: 'error',
  title: 'Exactly one of a pair',
  description:
    'Exactly one of sharesOwnedFollowingTransaction / valueOwnedFollowingTransaction; of underlyingSecurityShares / underlyingSecurityValue; for derivative transactions, of transactionShares / transactionTotalValue.',
  source: 'TS 7',
  check({ filing }) {
    const out: Draft[] = [];
    const exact = isExactSource(filing);
    const pair = (row: Row, a: Field<unknown>, an: string, b: Field<unknown>, bn: string) => {
      if (hasValue(a) && hasValue(b))
        out.push(
          draft(
            `${rowLabel(row)}: both ${an} (${a.raw}) and ${bn} (${b.raw}) are given; only one is allowed`,
            locOf(b, row),
            [rel(`${an} is ${a.raw}`, locOf(a, row))],
          ),
        );
      else if (exact && !a.present && !b.present)
        out.push(draft(`${rowLabel(row)}: neither ${an} nor ${bn} is given`, locOf(null, row)));
    };
    const form3 = formNumber(filing) === '3';
    for (const row of allRows(filing)) {
      // Form 3 Table II has no amount-owned column: its holdings are described by the underlying amount.
      if (!(form3 && row.table === 'derivative'))
        pair(
          row,
          row.sharesOwnedFollowingTransaction,
          'sharesOwnedFollowingTransaction',
          row.valueOwnedFollowingTransaction,
          'valueOwnedFollowingTransaction',
        );
      if (row.table === 'derivative') {
        pair(
          row,
          row.underlyingSecurityShares,
          'underlyingSecurityShares',
          row.underlyingSecurityValue,
          'underlyingSecurityValue',
        );
        if (row.kind === 'transaction')
          pair(row, row.transactionShares, 'transactionShares', row.transactionTotalValue, 'transactionTotalValue');
      }
    }
    return out;
  },
};

export const valueOrFootnote: RuleDef = {
  id: 'value-or-footnote',
  severity: 'error',
  title: 'Value or footnote',
  description:
    'A price, exercise price, exercise or expiration date or underlying amount left without a value carries a footnote.',
  source: 'TS 8',
  check({ filing }) {
    const out: Draft[] = [];
    const exact = isExactSource(filing);
    const need = (row: Row, name: string) => {
      const f = (row as unknown as Record<string, Field<unknown>>)[name];
      if (hasValue(f) || f.footnotes.length > 0) return;
      if (!f.present && !exact) return; // a PDF box we could not see is not evidence
      if (f.uncertain) return;
      out.push(draft(`${fieldPlace(filing, row, name)} has neither a value nor a footnote`, locOf(f, row)));
    };
    for (const row of allRows(filing)) {
      if (row.kind === 'transaction') need(row, 'transactionPricePerShare');
      if (row.table === 'derivative') {
        need(row, 'conversionOrExercisePrice');
        need(row, 'exerciseDate');
        need(row, 'expirationDate');
        if (!row.underlyingSecurityValue.present || row.underlyingSecurityShares.present)
          need(row, 'underlyingSecurityShares');
        else need(row, 'underlyingSecurityValue');
      }
    }
    return out;
  },
};

export const STRUCTURE_RULES: RuleDef[] = [
  documentType,
  valueFormat,
  lengthLimit,
  countLimit,
  ownerCikRepeated,
  relationshipMissing,
  officerTitleMissing,
  otherTextMissing,
  natureOfOwnership,
  exactlyOneOf,
  valueOrFootnote,
];
