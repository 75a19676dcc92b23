/**
 * The Item 405 late-filing report as text, Markdown and HTML (a table per issuer and fiscal year, ready to paste into
 * a proxy draft, with the details under it) and as JSON (`form4 late-report`).
 */
import { baseName, fmtDate } from '../format';
import { FILED_SOURCE_LABEL, FISCAL_SOURCE_LABEL } from './filed';
import {
  LATE_WHY_TEXT,
  delinquent,
  type IssuerYear,
  type JudgedFiling,
  type LateReport,
  type LateTransaction,
} from './lateReport';
import { htmlText, mdCell } from './markup';
import { partyLabel } from './parties';

/** "Northwind Biosciences (CIK 1234), fiscal year 2024 (Oct 1, 2023 to Sep 30, 2024)". */
export function yearTitle(y: IssuerYear): string {
  return `${partyLabel(y.issuer)}, fiscal year ${y.fiscalYear.year} (${fmtDate(y.fiscalYear.start)} to ${fmtDate(y.fiscalYear.end)})`;
}

/** Where the fiscal year end comes from, in a sentence. */
export function calendarLine(y: IssuerYear): string {
  const md = y.calendar.monthDay;
  return y.calendar.source === 'calendar'
    ? `Fiscal year end not known: the calendar year is assumed (December 31).`
    : `Fiscal year end ${md.slice(0, 2)}/${md.slice(2)}, from the ${FISCAL_SOURCE_LABEL[y.calendar.source]}.`;
}

/** "No late report among the 3 filings judged; 2 filings whose timeliness is not known are listed below." */
export function noLateLine(y: IssuerYear): string {
  const judged = `No late report among the ${y.judged} filing${y.judged === 1 ? '' : 's'} judged`;
  return y.unknown
    ? `${judged}; ${y.unknown} filing${y.unknown === 1 ? '' : 's'} could not be judged (listed below).`
    : `${judged}.`;
}

export function filingLine(f: JudgedFiling): string {
  return `Form ${f.form}, ${baseName(f.file)}: ${f.reason}`;
}

export function transactionLine(t: LateTransaction): string {
  const what = `${t.label}${t.code ? `, code ${t.code}` : ''}${t.date ? ` of ${t.date}` : ''}`;
  return `${what}: due ${t.due ?? '(no date)'}, filed ${t.filed ?? '(not known)'}, ${LATE_WHY_TEXT[t.why]}`;
}

function summaryLine(r: LateReport): string {
  const parts = [`${r.filings} filing${r.filings === 1 ? '' : 's'} read`];
  if (r.duplicates.length)
    parts.push(`${r.duplicates.length} duplicate${r.duplicates.length === 1 ? '' : 's'} left out`);
  if (r.undated.length) parts.push(`${r.undated.length} without any date to place them in a fiscal year`);
  return `${parts.join('; ')}.`;
}

const NOTE =
  'Known failures to file (a missing Form 3, 4 or 5) cannot be seen in the filings themselves; check them against the written representations.';

export function lateText(r: LateReport): string {
  const out = ['Delinquent Section 16(a) reports (Item 405 of Regulation S-K)', summaryLine(r), ''];
  if (!r.years.length)
    out.push(r.fiscalYear ? `No filing of fiscal year ${r.fiscalYear} in the set.` : 'No filing in the set.', '');
  for (const y of r.years) {
    out.push(yearTitle(y), calendarLine(y));
    const people = delinquent(y);
    if (!people.length) out.push(`  ${noLateLine(y)}`);
    else {
      const w = Math.max(16, ...people.map((p) => p.owner.name.length));
      out.push(`  ${'Reporting person'.padEnd(w)}  Late reports  Transactions not reported on time`);
      for (const p of people)
        out.push(
          `  ${p.owner.name.padEnd(w)}  ${String(p.lateReports).padStart(12)}  ${String(p.lateTransactions).padStart(33)}`,
        );
    }
    for (const p of y.persons) {
      out.push(`  ${partyLabel(p.owner)}:`);
      for (const f of p.filings) {
        out.push(
          `    ${f.status === 'late' ? 'Late' : f.status === 'unknown' ? 'Not known' : 'Not judged'}: ${filingLine(f)}`,
        );
        for (const t of f.transactions) out.push(`      ${transactionLine(t)}`);
      }
    }
    out.push('');
  }
  for (const f of r.undated) out.push(`Not placed in a fiscal year: ${filingLine(f)}`);
  out.push(NOTE);
  return `${out.join('\n')}\n`;
}

/** One issuer and fiscal year as Markdown: heading, the proxy table, the details. */
export function lateYearMarkdown(y: IssuerYear): string {
  const out = [`### Delinquent Section 16(a) Reports: ${mdCell(yearTitle(y))}`, '', mdCell(calendarLine(y)), ''];
  const people = delinquent(y);
  if (!people.length) out.push(mdCell(noLateLine(y)), '');
  else {
    out.push(
      '| Reporting person | Number of late reports | Number of transactions not reported on time |',
      '| --- | ---: | ---: |',
    );
    for (const p of people)
      out.push(`| ${mdCell(p.owner.name || p.owner.cik || '')} | ${p.lateReports} | ${p.lateTransactions} |`);
    out.push('');
  }
  for (const p of y.persons)
    for (const f of p.filings) {
      out.push(
        `- ${mdCell(p.owner.name)}: ${f.status === 'late' ? '' : f.status === 'unknown' ? '(timeliness not known) ' : '(not judged) '}${mdCell(filingLine(f))}`,
      );
      for (const t of f.transactions) out.push(`  - ${mdCell(transactionLine(t))}`);
    }
  return `${out.join('\n').trimEnd()}\n`;
}

export function lateMarkdown(r: LateReport): string {
  const parts = [`## Delinquent Section 16(a) reports`, '', mdCell(summaryLine(r)), ''];
  for (const y of r.years) parts.push(lateYearMarkdown(y), '');
  for (const f of r.undated) parts.push(`- Not placed in a fiscal year: ${mdCell(filingLine(f))}`);
  parts.push('', mdCell(NOTE));
  return `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** One issuer and fiscal year as an HTML fragment (a heading, the proxy table, the details), every text escaped. */
export function lateYearHtml(y: IssuerYear): string {
  const out = [
    `<h3>Delinquent Section 16(a) Reports: ${htmlText(yearTitle(y))}</h3>`,
    `<p>${htmlText(calendarLine(y))}</p>`,
  ];
  const people = delinquent(y);
  if (!people.length) out.push(`<p>${htmlText(noLateLine(y))}</p>`);
  else {
    out.push(
      '<table>',
      '<thead><tr><th>Reporting person</th><th>Number of late reports</th><th>Number of transactions not reported on time</th></tr></thead>',
      '<tbody>',
    );
    for (const p of people)
      out.push(
        `<tr><td>${htmlText(p.owner.name || p.owner.cik || '')}</td><td>${p.lateReports}</td><td>${p.lateTransactions}</td></tr>`,
      );
    out.push('</tbody>', '</table>');
  }
  const items: string[] = [];
  for (const p of y.persons)
    for (const f of p.filings) {
      const sub = f.transactions.map((t) => `<li>${htmlText(transactionLine(t))}</li>`).join('');
      items.push(`<li>${htmlText(`${p.owner.name}: ${filingLine(f)}`)}${sub ? `<ul>${sub}</ul>` : ''}</li>`);
    }
  if (items.length) out.push(`<ul>${items.join('')}</ul>`);
  return `${out.join('\n')}\n`;
}

export function lateHtml(r: LateReport): string {
  return `${r.years.map(lateYearHtml).join('\n')}<p>${htmlText(NOTE)}</p>\n`;
}

function filingJson(f: JudgedFiling) {
  return {
    file: f.file,
    form: f.form,
    filed: f.filed?.date ?? null,
    filedFrom: f.filed ? FILED_SOURCE_LABEL[f.filed.source] : null,
    due: f.due,
    status: f.status,
    reason: f.reason,
    transactions: f.transactions.map((t) => ({
      file: t.file,
      table: t.table === 'nonDerivative' ? 'I' : 'II',
      row: t.row,
      date: t.date,
      code: t.code,
      security: t.security,
      due: t.due,
      filed: t.filed,
      why: t.why,
    })),
  };
}

/** The JSON of `form4 late-report`. */
export function lateJson(r: LateReport) {
  return {
    fiscalYear: r.fiscalYear,
    filings: r.filings,
    duplicates: r.duplicates,
    years: r.years.map((y) => ({
      issuer: y.issuer.name,
      issuerCik: y.issuer.cik,
      fiscalYear: y.fiscalYear.year,
      start: y.fiscalYear.start,
      end: y.fiscalYear.end,
      fiscalYearEnd: y.calendar.monthDay,
      fiscalYearEndFrom: y.calendar.source,
      judged: y.judged,
      unknown: y.unknown,
      persons: y.persons.map((p) => ({
        owner: p.owner.name,
        ownerCik: p.owner.cik,
        lateReports: p.lateReports,
        lateTransactions: p.lateTransactions,
        filings: p.filings.map(filingJson),
      })),
    })),
    undated: r.undated.map(filingJson),
  };
}
