/**
 * The "Form 4" tree as plain data (no vscode import, testable in Node): filing > reporting owners, Table I rows,
 * Table II rows, footnotes (each listing the values that cite it), findings.
 */
import type { Filing, Finding, Row, Span } from '../core/model';
import { citations } from '../core/model';
import { summarize } from '../core/summary';
import { codeInfo } from '../core/codes';
import { fmtAmount, fmtPrice } from '../core/format';
import { pathLabel } from './viewModel';

export interface TreeNode {
  /** Stable id within one filing (keeps expansion state across edits). */
  id: string;
  label: string;
  description?: string;
  /** Plain text; the view escapes it into a MarkdownString. */
  tooltip?: string;
  /** Codicon name, e.g. "arrow-up". */
  icon: string;
  /** Theme color id for the icon, e.g. "problemsErrorIcon.foreground". */
  iconColor?: string;
  /** Where the item is in the source text. */
  span?: Span | null;
  page?: number | null;
  /** Model path for the preview ("nonDerivative[0]"). */
  path?: string;
  children?: TreeNode[];
  /** Expanded by default. */
  expanded?: boolean;
  contextValue: string;
}

const SEVERITY_ICON = {
  error: { icon: 'error', color: 'problemsErrorIcon.foreground' },
  warning: { icon: 'warning', color: 'problemsWarningIcon.foreground' },
  info: { icon: 'info', color: 'problemsInfoIcon.foreground' },
} as const;

/** The filing's plain-language summary for the tooltip (never fails the tree). */
function summaryOf(filing: Filing): string[] {
  try {
    const lines = summarize(filing);
    return lines.length ? [`${lines.join('\n\n')}\n`] : [];
  } catch {
    return [];
  }
}

/** Short description of a row: "S  -7,402 @ $2.29  -> 133,612" or "holding 133,612". */
export function rowDescription(row: Row): string {
  const owned = row.sharesOwnedFollowingTransaction.value ?? row.valueOwnedFollowingTransaction.value;
  const ownedText = owned !== null ? `\u2192 ${fmtAmount(owned)}` : '';
  if (row.kind === 'holding')
    return ['holding', fmtAmount(owned), row.directOrIndirectOwnership.value ?? ''].filter(Boolean).join(' ');
  const ad = row.transactionAcquiredDisposedCode.value;
  const sign = ad === 'D' ? '-' : ad === 'A' ? '+' : '';
  const parts = [
    row.transactionCode.value ?? '?',
    row.transactionShares.value !== null ? sign + fmtAmount(row.transactionShares.value) : '',
    row.transactionPricePerShare.value !== null ? `@ ${fmtPrice(row.transactionPricePerShare.value)}` : '',
    ownedText,
  ];
  return parts.filter(Boolean).join('  ');
}

function rowTooltip(row: Row): string {
  const lines = [
    `${pathLabel(`${row.table}[${row.index}]`)} (${row.kind})`,
    `Security: ${row.securityTitle.value ?? row.securityTitle.raw ?? '(none)'}`,
  ];
  if (row.transactionDate.value) lines.push(`Date: ${row.transactionDate.value}`);
  const code = row.transactionCode.value;
  if (code) lines.push(`Code: ${code}${codeInfo(code) ? ` \u2014 ${codeInfo(code)!.meaning}` : ''}`);
  if (row.transactionShares.value)
    lines.push(
      `Shares: ${fmtAmount(row.transactionShares.value)} (${row.transactionAcquiredDisposedCode.value ?? '?'})`,
    );
  if (row.transactionPricePerShare.value) lines.push(`Price: ${fmtPrice(row.transactionPricePerShare.value)}`);
  const owned = row.sharesOwnedFollowingTransaction.value;
  if (owned) lines.push(`Owned following: ${fmtAmount(owned)}`);
  if (row.directOrIndirectOwnership.value)
    lines.push(
      `Ownership: ${row.directOrIndirectOwnership.value}${row.natureOfOwnership.value ? ` (${row.natureOfOwnership.value})` : ''}`,
    );
  return lines.join('\n');
}

function findingNode(f: Finding, i: number, prefix: string): TreeNode {
  const s = SEVERITY_ICON[f.severity] ?? SEVERITY_ICON.warning;
  return {
    id: `${prefix}finding:${i}`,
    label: f.message,
    description: f.rule,
    tooltip: `${f.severity}: ${f.message}\nRule: ${f.rule}${f.page ? `\nPage ${f.page}` : ''}`,
    icon: s.icon,
    iconColor: s.color,
    span: f.span,
    page: f.page ?? null,
    contextValue: 'finding',
  };
}

function within(outer: Span | null, inner: Span | null): boolean {
  return !!outer && !!inner && outer.start <= inner.start && inner.end <= outer.end;
}

function rowNode(row: Row, findings: Finding[]): TreeNode {
  const path = `${row.table}[${row.index}]`;
  const mine = findings.map((f, i) => ({ f, i })).filter(({ f }) => within(row.span, f.span));
  const ad = row.transactionAcquiredDisposedCode.value;
  const icon = row.kind === 'holding' ? 'package' : ad === 'A' ? 'arrow-up' : ad === 'D' ? 'arrow-down' : 'arrow-swap';
  const worst = mine.find(({ f }) => f.severity === 'error') ?? mine.find(({ f }) => f.severity === 'warning');
  return {
    id: path,
    label: `${row.index + 1}. ${row.securityTitle.value ?? row.securityTitle.raw ?? '(no title)'}`,
    description: rowDescription(row),
    tooltip:
      rowTooltip(row) + (mine.length ? `\n\n${mine.map(({ f }) => `${f.severity}: ${f.message}`).join('\n')}` : ''),
    icon,
    iconColor: worst ? SEVERITY_ICON[worst.f.severity].color : undefined,
    span: row.span,
    page: row.page ?? null,
    path,
    children: mine.length ? mine.map(({ f, i }) => findingNode(f, i, `${path}/`)) : undefined,
    contextValue: 'row',
  };
}

/** The tree of one filing. */
export function filingTree(filing: Filing): TreeNode {
  const type = filing.documentType.value ?? filing.documentType.raw ?? '?';
  const issuer = filing.issuer.name.value ?? '(no issuer)';
  const sym = filing.issuer.tradingSymbol.value;
  const owners: TreeNode[] = filing.reportingOwners.map((o, i) => {
    const roles = [
      o.isDirector.value ? 'Director' : '',
      o.isOfficer.value ? o.officerTitle.value || 'Officer' : '',
      o.isTenPercentOwner.value ? '10% Owner' : '',
      o.isOther.value ? o.otherText.value || 'Other' : '',
    ].filter(Boolean);
    return {
      id: `owner:${i}`,
      label: o.name.value ?? o.name.raw ?? '(no name)',
      description: roles.join(', '),
      tooltip: [o.name.value ?? '', o.cik.value ? `CIK ${o.cik.value}` : '', roles.join(', ')]
        .filter(Boolean)
        .join('\n'),
      icon: 'person',
      span: o.span ?? o.name.span,
      path: `reportingOwners[${i}]`,
      contextValue: 'owner',
    };
  });
  const cites = citations(filing);
  const footnotes: TreeNode[] = filing.footnotes.map((fn, i) => {
    const id = fn.id.value ?? fn.id.raw ?? '?';
    const mine = cites.filter((c) => c.ref.id === id);
    return {
      id: `footnote:${i}`,
      label: id,
      description: fn.text.value ?? '',
      tooltip: `${id}: ${fn.text.value ?? ''}\n\nCited by ${mine.length ? mine.map((c) => pathLabel(c.path)).join(', ') : 'nothing'}`,
      icon: mine.length ? 'note' : 'circle-slash',
      span: fn.span ?? fn.id.span,
      page: fn.page ?? null,
      path: `footnotes[${i}]`,
      children: mine.map((c, j) => ({
        id: `footnote:${i}/cite:${j}`,
        label: pathLabel(c.path),
        // the row's security, as the form's row reads (the model path means nothing to a reader)
        description: c.row ? (c.row.securityTitle.value ?? '') : '',
        icon: 'references',
        span: c.ref.span,
        page: c.ref.page ?? null,
        path: c.path.replace(/\.transactionCoding$/, '.transactionCode'),
        contextValue: 'citation',
      })),
      contextValue: 'footnote',
    };
  });
  const section = (id: string, label: string, icon: string, children: TreeNode[], expanded = true): TreeNode => ({
    id,
    label,
    description: String(children.length),
    icon,
    children,
    expanded: expanded && children.length > 0,
    contextValue: 'section',
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of filing.findings) counts[f.severity]++;
  const findingsDesc = (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s])
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
  const findingsNode = section(
    'findings',
    'Findings',
    filing.findings.length ? 'warning' : 'pass',
    filing.findings.map((f, i) => findingNode(f, i, '')),
  );
  findingsNode.description = findingsDesc || 'none';
  return {
    id: 'filing',
    label: `Form ${type} \u2014 ${issuer}${sym ? ` (${sym})` : ''}`,
    description: filing.periodOfReport.value ? `period ${filing.periodOfReport.value}` : '',
    tooltip: [
      ...summaryOf(filing),
      `Form ${type}`,
      `Issuer: ${issuer}${sym ? ` (${sym})` : ''}${filing.issuer.cik.value ? `, CIK ${filing.issuer.cik.value}` : ''}`,
      filing.periodOfReport.value ? `Period of report: ${filing.periodOfReport.value}` : '',
      `Source: ${filing.source}`,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: 'file-text',
    span: filing.documentSpan,
    path: 'documentType',
    expanded: true,
    contextValue: 'filing',
    children: [
      section('owners', 'Reporting owners', 'organization', owners),
      section(
        'table1',
        'Table I \u2014 Non-derivative',
        'table',
        filing.nonDerivative.map((r) => rowNode(r, filing.findings)),
      ),
      section(
        'table2',
        'Table II \u2014 Derivative',
        'table',
        filing.derivative.map((r) => rowNode(r, filing.findings)),
      ),
      section('footnotes', 'Footnotes', 'note', footnotes, false),
      findingsNode,
    ],
  };
}

/** The single node shown for a file that is not read as a filing. */
export function failureTree(reason: string, findings: Finding[]): TreeNode {
  return {
    id: 'failure',
    label: 'Not read as a filing',
    description: reason,
    tooltip: reason,
    icon: 'error',
    iconColor: 'problemsErrorIcon.foreground',
    expanded: true,
    children: findings.map((f, i) => findingNode(f, i, '')),
    contextValue: 'failure',
  };
}
