/**
 * A filing as plain text, one value a line, for VS Code's diff editor (an amendment beside its original): every
 * line of a value carries where the value sits in the file, so the extension can link it to its source. Rows are
 * headed by what identifies them (security, date, code) and their number on a line of its own, so a row moved by an
 * amendment shows as a one-line change. Values read as the preview shows them.
 */
import type { Field, Filing, Loc, Row } from '../model';
import { rowFields } from '../model';
import { isNumeric } from '../form/layout';
import { baseName } from '../format';
import { docType, locOf, rowLabel, val } from '../fields';
import { accessionOf, filedOf, FILED_SOURCE_LABEL, type EdgarFacts } from './filed';
import { codingIds, rowFieldLabel, shownText } from './compare';

export interface ReadableLink {
  /** 0-based line of the rendered text. */
  line: number;
  /** Columns of the value on that line. */
  start: number;
  end: number;
  loc: Loc;
}

export interface Readable {
  text: string;
  links: ReadableLink[];
}

const TABLE_TITLES = {
  nonDerivative: 'Table I: Non-Derivative Securities',
  derivative: 'Table II: Derivative Securities',
} as const;

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function readableFiling(filing: Filing, edgar?: EdgarFacts): Readable {
  const lines: string[] = [];
  const links: ReadableLink[] = [];
  const put = (label: string, value: string | null, loc?: Loc | null, indent = '') => {
    const head = `${indent}${label}: `;
    const v = oneLine(value ?? '-');
    if (loc && (loc.span || loc.page))
      links.push({ line: lines.length, start: head.length, end: head.length + v.length, loc });
    lines.push(head + v);
  };
  const field = (label: string, f: Field<unknown>, loc: Loc, indent = '') => {
    if (f.present || f.footnotes.length) put(label, shownText(f), loc, indent);
  };
  const filed = filedOf(filing, edgar);
  lines.push(`Form ${docType(filing) ?? '?'}: ${baseName(filing.file)}`);
  put('Accession number', accessionOf(filing) ?? 'not known');
  put('Filed', filed ? `${filed.date} (${FILED_SOURCE_LABEL[filed.source]})` : 'not known');
  field('Date of original submission', filing.dateOfOriginalSubmission, locOf(filing.dateOfOriginalSubmission));
  field('Period of report', filing.periodOfReport, locOf(filing.periodOfReport));
  const issuer = filing.issuer;
  put(
    'Issuer',
    [
      val(issuer.name),
      val(issuer.tradingSymbol) ? `(${val(issuer.tradingSymbol)})` : null,
      val(issuer.cik) ? `CIK ${val(issuer.cik)}` : null,
    ]
      .filter(Boolean)
      .join(' '),
    locOf(issuer.name, issuer),
  );
  for (const [label, f] of [
    ['No longer subject to Section 16', filing.notSubjectToSection16],
    ['Rule 10b5-1 box', filing.aff10b5One],
    ['No securities beneficially owned', filing.noSecuritiesOwned],
    ['Form 3 holdings reported', filing.form3HoldingsReported],
    ['Form 4 transactions reported', filing.form4TransactionsReported],
  ] as const)
    field(label, f, locOf(f));
  for (const o of filing.reportingOwners) {
    lines.push('');
    put('Reporting owner', `${val(o.name) ?? '-'}${val(o.cik) ? ` (CIK ${val(o.cik)})` : ''}`, locOf(o.name, o));
    const roles = [
      o.isDirector.value ? 'Director' : null,
      o.isOfficer.value ? `Officer${val(o.officerTitle) ? ` (${val(o.officerTitle)})` : ''}` : null,
      o.isTenPercentOwner.value ? '10% Owner' : null,
      o.isOther.value ? `Other${val(o.otherText) ? ` (${val(o.otherText)})` : ''}` : null,
    ].filter(Boolean);
    put('Relationship', roles.join('; ') || '-', o.span ? { span: o.span } : null, '  ');
  }
  for (const table of ['nonDerivative', 'derivative'] as const) {
    const rows: readonly Row[] = filing[table];
    if (!rows.length) continue;
    lines.push('', TABLE_TITLES[table]);
    for (const row of rows) {
      lines.push('');
      const id = [val(row.securityTitle) ?? '(no title)', val(row.transactionDate), val(row.transactionCode)]
        .filter(Boolean)
        .join(', ');
      put(row.kind === 'holding' ? 'Holding' : 'Transaction', id, { span: row.span, page: row.page ?? null }, '  ');
      put('Row', rowLabel(row), null, '    ');
      for (const { name, field: f } of rowFields(row)) {
        const ids = codingIds(row, name);
        if (!f.present && !f.footnotes.length && !ids.length) continue;
        put(rowFieldLabel(name), shownText(f, ids, isNumeric(name) ? name : undefined), locOf(f, row), '    ');
      }
    }
  }
  if (filing.footnotes.length) {
    lines.push('', 'Footnotes');
    for (const fn of filing.footnotes) put(fn.id.value ?? fn.id.raw ?? '?', val(fn.text), locOf(fn.text, fn), '  ');
  }
  if (filing.remarks.present) {
    lines.push('');
    put('Remarks', val(filing.remarks), locOf(filing.remarks));
  }
  if (filing.signatures.length) {
    lines.push('', 'Signatures');
    for (const s of filing.signatures) put(val(s.name) ?? '-', val(s.date), locOf(s.date, s), '  ');
  }
  return { text: `${lines.join('\n')}\n`, links };
}
