/**
 * The "Section 16" view as plain data (no vscode import, testable in Node): short-swing profits per insider (each
 * pair with links to both rows, and the rows that could not be matched), the Item 405 late filings per issuer and
 * fiscal year (person > filing > transaction), and the amendments of the set with what each changed.
 */
import type { Filing, Loc } from '../core/model';
import { baseName, fmtAmount, fmtDate, fmtMoney, fmtPrice } from '../core/format';
import { docType } from '../core/fields';
import type { Pairing } from '../core/section16/amendments';
import { rowDiffLabel, type Change, type Comparison } from '../core/section16/compare';
import { delinquent, LATE_WHY_TEXT, type IssuerYear, type LateReport } from '../core/section16/lateReport';
import { calendarLine, noLateLine } from '../core/section16/renderLate';
import { codesLine, priceText, tradePlace } from '../core/section16/renderShortSwing';
import type { ShortSwingReport, TradeRef } from '../core/section16/shortSwing';
import { partyLabel } from '../core/section16/parties';
import type { TreeNode } from './treeModel';

export interface DeskNode extends Omit<TreeNode, 'children'> {
  /** The file a click opens (a URI string), at `span` / `page`; absent for headings. */
  file?: string;
  children?: DeskNode[];
  /** An issuer and fiscal year of the late-filing report (its copy commands use it). */
  year?: IssuerYear;
  /** An amendment (Compare with Original uses it). */
  amendment?: string;
}

export interface DeskData {
  shortSwing: ShortSwingReport;
  late: LateReport;
  pairings: { pairing: Pairing; comparison: Comparison | null }[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function tradeNode(id: string, role: 'Purchase' | 'Sale', t: TradeRef): DeskNode {
  return {
    id,
    label: `${role}: ${tradePlace(t)}`,
    description: `${t.date ?? ''} ${fmtAmount(t.shares)} @ ${priceText(t)}`.trim(),
    icon: role === 'Purchase' ? 'arrow-down' : 'arrow-up',
    file: t.file,
    span: t.span,
    page: t.page,
    path: t.path,
    contextValue: 'section16.row',
  };
}

function shortSwingNodes(r: ShortSwingReport): DeskNode {
  const matched = r.groups.filter((g) => g.pairs.length);
  const groups: DeskNode[] = r.groups.map((g, gi) => {
    const id = `ss/${gi}`;
    const pairs: DeskNode[] = g.pairs.map((p, i) => ({
      id: `${id}/p${i}`,
      label: `${fmtAmount(p.shares)} sh: bought ${p.purchase.date} @ ${fmtPrice(p.purchase.price)}, sold ${p.sale.date} @ ${fmtPrice(p.sale.price)}`,
      description: fmtMoney(p.profit),
      tooltip: `${fmtAmount(p.shares)} shares x ${fmtPrice(p.difference)} = ${fmtMoney(p.profit)}\nPurchase: ${tradePlace(p.purchase)}, ${priceText(p.purchase)}\nSale: ${tradePlace(p.sale)}, ${priceText(p.sale)}`,
      icon: 'arrow-swap',
      contextValue: 'section16.pair',
      expanded: true,
      children: [tradeNode(`${id}/p${i}/buy`, 'Purchase', p.purchase), tradeNode(`${id}/p${i}/sell`, 'Sale', p.sale)],
    }));
    const unmatched: DeskNode[] = g.unmatched.map((u, i) => ({
      id: `${id}/u${i}`,
      label: `Unmatched: ${tradePlace(u.trade)}`,
      description: u.reason,
      tooltip: `${u.trade.code} ${u.trade.date ?? ''} ${fmtAmount(u.trade.shares)} shares: ${u.reason}`,
      icon: 'circle-slash',
      iconColor: 'problemsWarningIcon.foreground',
      file: u.trade.file,
      span: u.trade.span,
      page: u.trade.page,
      path: u.trade.path,
      contextValue: 'section16.row',
    }));
    return {
      id,
      label: `${g.owner.name || g.owner.cik || '(no name)'} \u2014 ${g.issuer.name || g.issuer.cik || '(no issuer)'}`,
      description: `${g.security} \u00b7 ${fmtMoney(g.profit)}${g.pairs.length ? ` (${plural(g.pairs.length, 'pair')})` : ''}`,
      tooltip: `${partyLabel(g.owner)}\n${partyLabel(g.issuer)}\n${g.security}\n${g.tooMany ? 'Too many purchases and sales to weigh every pair: not matched.\n' : ''}Profit ${fmtMoney(g.profit)} (exact: ${g.profit})`,
      icon: 'person',
      contextValue: 'section16.insider',
      expanded: r.groups.length <= 5,
      children: [...pairs, ...unmatched],
    };
  });
  return {
    id: 'ss',
    label: 'Short-swing profits',
    description: matched.length
      ? `${fmtMoney(r.profit)} \u00b7 ${plural(matched.length, 'insider group')}`
      : 'none found',
    tooltip: `${codesLine(r)}\n${r.filings} filings read${r.duplicates.length ? `, ${r.duplicates.length} duplicates left out` : ''}.${r.pairsCountedOnce ? `\nThe total counts once the ${plural(r.pairsCountedOnce, 'pair')} that owners filing jointly both report.` : ''}`,
    icon: 'law',
    contextValue: 'section16.shortSwing',
    expanded: true,
    children: groups.length
      ? groups
      : [
          {
            id: 'ss/none',
            label: 'No purchase and sale less than six months apart at a profit',
            icon: 'check',
            contextValue: 'section16.none',
          },
        ],
  };
}

function yearNode(y: IssuerYear, yi: number): DeskNode {
  const id = `late/${yi}`;
  const people = delinquent(y);
  const persons: DeskNode[] = y.persons.map((p, pi) => ({
    id: `${id}/${pi}`,
    label: p.owner.name || p.owner.cik || '(no name)',
    description: p.lateReports
      ? `${plural(p.lateReports, 'late report')}, ${plural(p.lateTransactions, 'transaction')} not on time`
      : 'timeliness not known',
    icon: p.lateReports ? 'warning' : 'question',
    iconColor: p.lateReports ? 'problemsWarningIcon.foreground' : undefined,
    contextValue: 'section16.person',
    expanded: p.lateReports > 0,
    children: p.filings.map((f, fi) => ({
      id: `${id}/${pi}/${fi}`,
      label: `Form ${f.form}: ${baseName(f.file)}`,
      description:
        f.status === 'late'
          ? `due ${f.due ?? '?'}, filed ${f.filed?.date ?? 'not known'}`
          : f.status === 'unknown'
            ? 'not known'
            : 'not judged',
      tooltip: f.reason,
      icon: 'file',
      file: f.file,
      span: f.span,
      contextValue: 'section16.filing',
      children: f.transactions.length
        ? f.transactions.map((t, ti) => ({
            id: `${id}/${pi}/${fi}/${ti}`,
            label: `${t.label}${t.code ? ` ${t.code}` : ''}${t.date ? ` ${t.date}` : ''}`,
            description: `due ${t.due ?? '-'}, filed ${t.filed ?? 'not known'}`,
            tooltip: LATE_WHY_TEXT[t.why],
            icon: 'clock',
            file: t.file,
            span: t.span,
            page: t.page,
            path: t.path,
            contextValue: 'section16.row',
          }))
        : undefined,
    })),
  }));
  return {
    id,
    label: `${y.issuer.name || y.issuer.cik || '(no issuer)'} \u2014 FY ${y.fiscalYear.year}`,
    description: people.length ? `${plural(people.length, 'person')} late` : 'none late',
    tooltip: `${fmtDate(y.fiscalYear.start)} to ${fmtDate(y.fiscalYear.end)}\n${calendarLine(y)}\n${people.length ? '' : noLateLine(y)}`,
    icon: people.length ? 'warning' : 'pass',
    iconColor: people.length ? 'problemsWarningIcon.foreground' : undefined,
    contextValue: 'section16.lateYear',
    year: y,
    children: persons.length ? persons : undefined,
  };
}

function lateNodes(r: LateReport): DeskNode {
  const years = r.years.map((y, i) => ({ node: yearNode(y, i), late: delinquent(y).length > 0 }));
  const late = r.years.reduce((n, y) => n + delinquent(y).reduce((m, p) => m + p.lateReports, 0), 0);
  return {
    id: 'late',
    label: 'Late filings (Item 405)',
    description: `${plural(late, 'late report')} \u00b7 ${plural(r.years.length, 'issuer year')}`,
    tooltip: 'Per issuer and fiscal year: late Forms 3, 4 and 5 and the transactions not reported on time.',
    icon: 'calendar',
    contextValue: 'section16.late',
    expanded: true,
    // Issuer years with someone late first.
    children: [...years.filter((y) => y.late), ...years.filter((y) => !y.late)].map((y) => y.node),
  };
}

function changeNode(id: string, c: Change, amendment: Filing, original: Filing | null): DeskNode {
  const at: Loc | null = c.afterLoc ?? c.beforeLoc;
  const file = c.afterLoc ? amendment.file : (original?.file ?? amendment.file);
  return {
    id,
    label: c.label,
    description: `${c.before ?? '(absent)'} \u2192 ${c.after ?? '(absent)'}`,
    tooltip: `Original: ${c.before ?? '(absent)'}\nAmendment: ${c.after ?? '(absent)'}`,
    icon: 'diff',
    file,
    span: at?.span ?? null,
    page: at?.page ?? null,
    contextValue: 'section16.change',
  };
}

function amendmentNodes(list: DeskData['pairings']): DeskNode {
  const nodes: DeskNode[] = list.map(({ pairing, comparison }, i) => {
    const a = pairing.amendment;
    const id = `am/${i}`;
    const children: DeskNode[] = [];
    if (comparison) {
      const c = comparison;
      for (const [j, ch] of c.document.entries()) children.push(changeNode(`${id}/d${j}`, ch, a, c.original));
      c.rows.forEach((d, j) => {
        if (d.status === 'unchanged') return;
        const row = d.after ?? d.before!;
        children.push({
          id: `${id}/r${j}`,
          label: rowDiffLabel(d),
          description: d.status === 'changed' ? d.changes.map((x) => x.label).join(', ') : d.status,
          icon: d.status === 'added' ? 'diff-added' : d.status === 'removed' ? 'diff-removed' : 'diff-modified',
          file: d.after ? a.file : c.original.file,
          span: row.span,
          page: row.page ?? null,
          path: `${row.table}[${row.index}]`,
          contextValue: 'section16.change',
          children: d.changes.map((ch, k) => changeNode(`${id}/r${j}/${k}`, ch, a, c.original)),
        });
      });
      for (const [j, ch] of c.footnotes.entries()) children.push(changeNode(`${id}/f${j}`, ch, a, c.original));
      if (c.remarks) children.push(changeNode(`${id}/rem`, c.remarks, a, c.original));
      if (!children.length)
        children.push({
          id: `${id}/same`,
          label: 'No value differs from the original',
          icon: 'check',
          contextValue: 'section16.none',
        });
    }
    const counts = comparison?.counts;
    return {
      id,
      label: `${baseName(a.file)} (${docType(a) ?? '?'})`,
      description: pairing.original
        ? `original ${baseName(pairing.original.file)} \u00b7 ${counts!.changed} changed, ${counts!.added} added, ${counts!.removed} removed`
        : 'original not in the set',
      tooltip: pairing.note,
      icon: pairing.original ? 'git-compare' : 'question',
      file: a.file,
      span: a.documentSpan,
      contextValue: pairing.original ? 'section16.amendment' : 'section16.amendmentAlone',
      amendment: a.file,
      children: children.length ? children : undefined,
    };
  });
  return {
    id: 'am',
    label: 'Amendments',
    description: nodes.length ? `${nodes.length}` : 'none',
    icon: 'versions',
    contextValue: 'section16.amendments',
    expanded: nodes.length > 0 && nodes.length <= 10,
    children: nodes.length ? nodes : undefined,
  };
}

export function deskTree(d: DeskData): DeskNode[] {
  return [shortSwingNodes(d.shortSwing), lateNodes(d.late), amendmentNodes(d.pairings)];
}
