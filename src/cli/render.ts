/** `form4 inspect` as text: the filing laid out like the SEC form, readable in a terminal. */
import type { Field, Filing, Row, ReportingOwner } from '../core/model';
import { LineIndex } from '../core/positions';
import { fmtAmount, fmtMarkers, fmtPrice } from '../core/format';
import { nameTable } from '../core/lookup';

const FORM_TITLES = nameTable({
  '3': 'Initial Statement of Beneficial Ownership of Securities',
  '4': 'Statement of Changes in Beneficial Ownership',
  '5': 'Annual Statement of Changes in Beneficial Ownership',
});

function v(f: Field<unknown> | undefined, placeholder = ''): string {
  if (!f || f.value == null) return f?.raw ?? placeholder;
  return String(f.value);
}

function withMarkers(text: string, f: Field<unknown>): string {
  const ids = f.footnotes.map((r) => r.id);
  return ids.length ? `${text}${fmtMarkers(ids)}` : text;
}

function relationships(o: ReportingOwner): string {
  const parts: string[] = [];
  if (o.isDirector.value) parts.push('Director');
  if (o.isOfficer.value) parts.push(`Officer${o.officerTitle.value ? ` (${o.officerTitle.value})` : ''}`);
  if (o.isTenPercentOwner.value) parts.push('10% Owner');
  if (o.isOther.value) parts.push(`Other${o.otherText.value ? ` (${o.otherText.value})` : ''}`);
  return parts.join(', ') || 'no relationship marked';
}

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || !/^[\d,.$()-]/.test(c) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function rowCells(row: Row): string[] {
  const code = v(row.transactionCode) + (row.equitySwapInvolved.value ? ' (K)' : '');
  const codeWithNotes = row.codingFootnotes.length ? code + fmtMarkers(row.codingFootnotes.map((r) => r.id)) : code;
  const base = [
    String(row.index + 1),
    withMarkers(v(row.securityTitle), row.securityTitle),
    withMarkers(v(row.transactionDate), row.transactionDate),
    withMarkers(v(row.deemedExecutionDate), row.deemedExecutionDate),
    row.kind === 'holding' ? '(holding)' : withMarkers(codeWithNotes, row.transactionCode),
  ];
  if (row.table === 'nonDerivative') {
    return [
      ...base,
      withMarkers(fmtAmount(row.transactionShares.value), row.transactionShares),
      withMarkers(v(row.transactionAcquiredDisposedCode), row.transactionAcquiredDisposedCode),
      withMarkers(fmtPrice(row.transactionPricePerShare.value), row.transactionPricePerShare),
      withMarkers(
        row.sharesOwnedFollowingTransaction.present
          ? fmtAmount(row.sharesOwnedFollowingTransaction.value)
          : row.valueOwnedFollowingTransaction.present
            ? `${fmtPrice(row.valueOwnedFollowingTransaction.value)} (value)`
            : '',
        row.sharesOwnedFollowingTransaction.present
          ? row.sharesOwnedFollowingTransaction
          : row.valueOwnedFollowingTransaction,
      ),
      withMarkers(v(row.directOrIndirectOwnership), row.directOrIndirectOwnership),
      withMarkers(v(row.natureOfOwnership), row.natureOfOwnership),
    ];
  }
  return [
    base[0],
    base[1],
    withMarkers(fmtPrice(row.conversionOrExercisePrice.value), row.conversionOrExercisePrice),
    base[2],
    base[3],
    base[4],
    withMarkers(
      row.transactionShares.present
        ? fmtAmount(row.transactionShares.value)
        : fmtPrice(row.transactionTotalValue.value),
      row.transactionShares.present ? row.transactionShares : row.transactionTotalValue,
    ),
    withMarkers(v(row.transactionAcquiredDisposedCode), row.transactionAcquiredDisposedCode),
    withMarkers(v(row.exerciseDate), row.exerciseDate),
    withMarkers(v(row.expirationDate), row.expirationDate),
    withMarkers(v(row.underlyingSecurityTitle), row.underlyingSecurityTitle),
    withMarkers(
      row.underlyingSecurityShares.present
        ? fmtAmount(row.underlyingSecurityShares.value)
        : fmtPrice(row.underlyingSecurityValue.value),
      row.underlyingSecurityShares.present ? row.underlyingSecurityShares : row.underlyingSecurityValue,
    ),
    withMarkers(fmtPrice(row.transactionPricePerShare.value), row.transactionPricePerShare),
    withMarkers(fmtAmount(row.sharesOwnedFollowingTransaction.value), row.sharesOwnedFollowingTransaction),
    withMarkers(v(row.directOrIndirectOwnership), row.directOrIndirectOwnership),
    withMarkers(v(row.natureOfOwnership), row.natureOfOwnership),
  ];
}

/** A finding's place as a compiler prints it: "line:col" for text sources, "page N" for PDFs. */
export function findingPlace(
  f: { span: { start: number } | null; page?: number | null },
  lines: Pick<LineIndex, 'position'> | null | undefined,
): string {
  if (f.span && lines) {
    const p = lines.position(f.span.start);
    return `${p.line}:${p.column}`;
  }
  if (f.page) return `page ${f.page}`;
  return '1:1';
}

export function renderFiling(filing: Filing, summary?: string[]): string {
  const out: string[] = [];
  const type = v(filing.documentType, '?');
  const baseType = type.replace(/\/A$/i, '');
  out.push(`${filing.file}`);
  out.push(
    `FORM ${type}${filing.schemaVersion.value ? ` (${filing.schemaVersion.value})` : ''} - ${FORM_TITLES[baseType] ?? 'Ownership filing'}` +
      (type.endsWith('/A') ? ' (amendment)' : '') +
      ` [read from ${filing.source}]`,
  );
  if (filing.submission) {
    const s = filing.submission;
    out.push(
      `Accession ${v(s.accessionNumber, '?')}, filed ${v(s.filedAsOf, '?')}${s.acceptanceDateTime.value ? `, accepted ${s.acceptanceDateTime.value}` : ''}`,
    );
  }
  if (summary?.length) {
    out.push('');
    for (const s of summary) out.push(`  ${s}`);
  }
  out.push('');
  filing.reportingOwners.forEach((o, i) => {
    const label = i === 0 ? '1. Reporting person' : '   Reporting person';
    const addr = [v(o.street1), v(o.street2), [v(o.city), v(o.state), v(o.zipCode)].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
    out.push(`${label.padEnd(28)}${v(o.name, '(no name)')}${o.cik.value ? ` (CIK ${o.cik.value})` : ''}`);
    if (addr) out.push(`${''.padEnd(28)}${addr}`);
    out.push(`${'5. Relationship'.padEnd(28)}${relationships(o)}`);
  });
  const iss = filing.issuer;
  out.push(
    `${'2. Issuer'.padEnd(28)}${v(iss.name, '(no name)')}${iss.tradingSymbol.value ? ` [${iss.tradingSymbol.value}]` : ''}${iss.cik.value ? ` (CIK ${iss.cik.value})` : ''}`,
  );
  out.push(
    `${(baseType === '3' ? '3. Date of event' : baseType === '5' ? '3. Fiscal year ended' : '3. Earliest transaction').padEnd(28)}${v(filing.periodOfReport, '-')}`,
  );
  out.push(`${'4. Original filed (if /A)'.padEnd(28)}${v(filing.dateOfOriginalSubmission, '-')}`);
  out.push(
    `${'6. Filing'.padEnd(28)}${filing.reportingOwners.length > 1 ? 'by more than one reporting person' : 'by one reporting person'}`,
  );
  const boxes: string[] = [];
  if (filing.notSubjectToSection16.value) boxes.push('no longer subject to Section 16');
  if (filing.aff10b5One.value) boxes.push('Rule 10b5-1(c) plan');
  if (filing.noSecuritiesOwned.value) boxes.push('no securities beneficially owned');
  if (boxes.length) out.push(`${'Boxes checked'.padEnd(28)}${boxes.join('; ')}`);

  out.push('');
  out.push('Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned');
  if (filing.nonDerivative.length === 0) out.push('  (none)');
  else
    out.push(
      ...table(
        [
          '#',
          'Title of security',
          'Date',
          'Deemed',
          'Code',
          'Amount',
          'A/D',
          'Price',
          'Owned after',
          'D/I',
          'Nature of indirect ownership',
        ],
        filing.nonDerivative.map(rowCells),
      ).map((l) => `  ${l}`),
    );
  out.push('');
  out.push('Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned');
  if (filing.derivative.length === 0) out.push('  (none)');
  else
    out.push(
      ...table(
        [
          '#',
          'Title of derivative security',
          'Exercise price',
          'Date',
          'Deemed',
          'Code',
          'Number',
          'A/D',
          'Exercisable',
          'Expiration',
          'Underlying',
          'Underlying amount',
          'Price',
          'Owned after',
          'D/I',
          'Nature',
        ],
        filing.derivative.map(rowCells),
      ).map((l) => `  ${l}`),
    );
  if (filing.footnotes.length) {
    out.push('');
    out.push('Explanation of Responses:');
    for (const f of filing.footnotes)
      out.push(`  (${String(f.id.value ?? f.id.raw ?? '?').replace(/^F/i, '')}) ${v(f.text)}`);
  }
  if (filing.remarks.value) {
    out.push('');
    out.push(`Remarks: ${filing.remarks.value}`);
  }
  if (filing.signatures.length) {
    out.push('');
    for (const s of filing.signatures) out.push(`Signature: ${v(s.name, '(none)')}    Date: ${v(s.date, '-')}`);
  }
  if (filing.findings.length) {
    out.push('');
    out.push(`Findings (${filing.findings.length}):`);
    const lines = filing.text ? new LineIndex(filing.text) : undefined;
    for (const f of filing.findings) out.push(`  ${findingPlace(f, lines)}  ${f.severity} ${f.rule}: ${f.message}`);
  }
  return out.join('\n');
}

/** Whether `c` is a control character a terminal acts on (C0 but tab and line feed, DEL, C1) or a bidi control. */
function isTerminalControl(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/**
 * Text from a filing or a file name as it may reach a terminal: control characters (ESC, BEL, a carriage return,
 * C1 controls, bidi overrides) shown escaped ("\x1b", "\u202e"), so a filing cannot move the cursor, clear the
 * screen, rewrite a line already printed or reorder what is shown. Tab and line feed stay.
 */
export function terminalSafe(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isTerminalControl(c)) continue;
    const hex = c.toString(16).padStart(c > 0xff ? 4 : 2, '0');
    out += s.slice(from, i) + (c > 0xff ? `\\u${hex}` : `\\x${hex}`);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
