/** Transaction coding: docs/RULES.md, "Transaction coding" (sources TS 11 to TS 13, H 14). */
import { rowFootnoteIds } from '../model';
import type { Filing } from '../model';
import { describeCodeJ } from '../code-j';
import { EXERCISE_CODES, XML_TRANSACTION_CODES, codeInfo } from '../codes';
import { fmtAmount } from '../format';
import { allRows, code, formNumber, locOf, rel, rowLabel, val } from '../fields';
import { type Draft, type RuleDef, draft, q } from './types';

export const transactionCode: RuleDef = {
  id: 'transaction-code',
  severity: 'error',
  title: 'Transaction code',
  description:
    'transactionCode is one of A C D E F G H I J L M O P S U W X Z (K comes from equitySwapInvolved, V from timeliness).',
  source: 'TS 11',
  check({ filing }) {
    const out: Draft[] = [];
    for (const row of allRows(filing)) {
      const f = row.transactionCode;
      const c = code(f);
      if (c === null || XML_TRANSACTION_CODES.includes(c)) continue;
      let why = `is not a transaction code (expected one of ${XML_TRANSACTION_CODES.join(' ')})`;
      if (c === 'K')
        why = 'is not an XML code: an equity swap is reported with equitySwapInvolved = 1 and the underlying code';
      if (c === 'V') why = 'is not an XML code: a voluntary early report is shown with transactionTimeliness E';
      out.push(draft(`${rowLabel(row)}: transaction code ${q(f.raw ?? c)} ${why}`, locOf(f, row)));
    }
    return out;
  },
};

export const transactionFormType: RuleDef = {
  id: 'transaction-form-type',
  severity: 'error',
  title: 'Form type and timeliness fit the form',
  description:
    'Form 4: transactionFormType 4 with blank timeliness, or 5 with blank or E; Form 5: timeliness blank or L; holdings on Forms 3 and 4 carry no transaction coding.',
  source: 'TS 12',
  check({ filing }) {
    const form = formNumber(filing);
    if (form === null) return [];
    const out: Draft[] = [];
    for (const row of allRows(filing)) {
      const type = val(row.transactionFormType);
      const timely = (val(row.transactionTimeliness) ?? '').toUpperCase();
      if (row.kind === 'holding') {
        if ((form === '3' || form === '4') && (row.transactionCode.present || row.transactionFormType.present))
          out.push(
            draft(
              `${rowLabel(row)} is a holding on a Form ${form} but carries transaction coding`,
              locOf(row.transactionCode.present ? row.transactionCode : row.transactionFormType, {
                span: row.codingSpan ?? row.span,
                page: row.page ?? null,
              }),
            ),
          );
        continue;
      }
      if (form === '4') {
        if (type !== null && type !== '4' && type !== '5')
          out.push(
            draft(
              `${rowLabel(row)}: transaction form type ${q(type)} does not fit a Form 4 (expected 4, or 5 for a transaction reported early)`,
              locOf(row.transactionFormType, row),
            ),
          );
        else if (type === '4' && timely !== '')
          out.push(
            draft(
              `${rowLabel(row)}: a Form 4 transaction of type 4 takes no timeliness mark, but it has ${q(timely)}`,
              locOf(row.transactionTimeliness, row),
            ),
          );
        else if (type === '5' && timely !== '' && timely !== 'E')
          out.push(
            draft(
              `${rowLabel(row)}: a Form 5 transaction reported on a Form 4 is early (E) or blank, not ${q(timely)}`,
              locOf(row.transactionTimeliness, row),
            ),
          );
      } else if (form === '5') {
        if (timely !== '' && timely !== 'L')
          out.push(
            draft(
              `${rowLabel(row)}: on a Form 5 the timeliness is blank or L (late), not ${q(timely)}`,
              locOf(row.transactionTimeliness, row),
            ),
          );
      }
    }
    return out;
  },
};

export const codeJFootnote: RuleDef = {
  id: 'code-j-footnote',
  severity: 'error',
  title: 'Code J needs a description',
  description:
    'A transaction coded J (other acquisition or disposition) is described in the explanation of responses: a footnote on its transaction columns, a footnote of the row or the remarks saying what the transaction was, or, for a transfer between two holders of record reported as two J rows (same security and date, one acquired and one disposed of), a footnote on the other row saying what it was.',
  source: 'TS 13',
  check({ filing }) {
    const out: Draft[] = [];
    for (const row of allRows(filing)) {
      if (row.kind !== 'transaction' || code(row.transactionCode) !== 'J') continue;
      if (describeCodeJ(filing, row) !== null) continue;
      const others = rowFootnoteIds(row);
      out.push(
        draft(
          `${rowLabel(row)} is coded J (other acquisition or disposition) but nothing describes the transaction: no footnote on its transaction columns${others.length ? `, and footnote ${others.join(', ')} of the row does not say what it was` : ''}${val(filing.remarks) !== null ? ', and the remarks do not say what it was' : ''}`,
          locOf(row.transactionCode, row),
        ),
      );
    }
    return out;
  },
};

/**
 * Whether a derivative's title says the reporting person wrote it: "Call Option (obligation to sell)", "Written Put",
 * "Short Call" (a written call is a put equivalent position, a written put a call equivalent position: Rule
 * 16a-1(b) and (h)).
 */
function isWrittenOption(title: string | null): boolean {
  return title !== null && /\bobligation to (?:sell|buy|purchase)\b|\bwritten\b|\bshort (?:call|put)\b/i.test(title);
}

/** "code|A/D|date" of every Table II transaction, for pairing exercises and conversions. */
function derivativeMoves(filing: Filing): Set<string> {
  const out = new Set<string>();
  for (const r of filing.derivative)
    if (r.kind === 'transaction')
      out.add(`${code(r.transactionCode)}|${code(r.transactionAcquiredDisposedCode)}|${val(r.transactionDate)}`);
  return out;
}

export const codeAcquiredDisposed: RuleDef = {
  id: 'code-acquired-disposed',
  severity: 'warning',
  title: 'Code and acquired/disposed flag',
  description:
    'The A/D flag fits the code: P, L, A acquire; S, F, D, U, H dispose (a written option the other way for P and S); Table II rows coded M, X, O or C dispose of the derivative, Table I rows coded M, X or O acquire.',
  source: 'H 14',
  check({ filing }) {
    const out: Draft[] = [];
    for (const row of allRows(filing)) {
      if (row.kind !== 'transaction') continue;
      const c = code(row.transactionCode);
      const ad = code(row.transactionAcquiredDisposedCode);
      const info = codeInfo(c);
      if (!info || (ad !== 'A' && ad !== 'D')) continue;
      let expected = row.table === 'derivative' ? info.expectTableII : info.expectTableI;
      // A written option is the writer's obligation: selling it (writing) opens the position the row tracks and
      // buying it back closes it, so P and S take the other flag than for an option held.
      if (row.table === 'derivative' && (c === 'P' || c === 'S') && isWrittenOption(val(row.securityTitle)))
        expected = expected === 'A' ? 'D' : 'A';
      if (expected === null || expected === ad) continue;
      // A derivative acquired by exercising or converting another derivative (preferred stock into Class B
      // stock that is itself convertible) is an M/X/O/C acquisition in Table II, paired with a disposal of that code.
      if (row.table === 'derivative' && ad === 'A' && c !== null && ['M', 'X', 'O', 'C'].includes(c)) {
        if (derivativeMoves(filing).has(`${c}|D|${val(row.transactionDate)}`)) continue;
      }
      const word = (x: string) => (x === 'A' ? 'acquired (A)' : 'disposed of (D)');
      out.push(
        draft(
          `${rowLabel(row)}: code ${c} (${info.short}) is normally ${word(expected)} in ${row.table === 'derivative' ? 'Table II' : 'Table I'}, but the row says ${word(ad)}`,
          locOf(row.transactionAcquiredDisposedCode, row),
          [rel(`Transaction code ${c}`, locOf(row.transactionCode, row))],
        ),
      );
    }
    return out;
  },
};

export const exercisePairing: RuleDef = {
  id: 'exercise-pairing',
  severity: 'info',
  title: 'Exercise without Table I acquisition',
  description:
    'A Table II row coded M, X, O or C usually pairs with a Table I acquisition on the same date (or, for a conversion into another derivative, a Table II acquisition with the same code).',
  source: 'H 14',
  check({ filing }) {
    const out: Draft[] = [];
    const acquisitionDates = new Set(
      filing.nonDerivative
        .filter((r) => r.kind === 'transaction' && code(r.transactionAcquiredDisposedCode) === 'A')
        .map((r) => val(r.transactionDate)),
    );
    const moves = derivativeMoves(filing);
    for (const row of filing.derivative) {
      const c = code(row.transactionCode);
      if (row.kind !== 'transaction' || c === null || !EXERCISE_CODES.includes(c)) continue;
      if (code(row.transactionAcquiredDisposedCode) === 'A') continue; // an acquisition of the derivative is not an exercise of it
      const date = val(row.transactionDate);
      if (date === null) continue;
      if (acquisitionDates.has(date)) continue;
      // converted or exercised into another derivative (preferred into convertible Class B stock)
      if (moves.has(`${c}|A|${date}`)) continue;
      const shares = val(row.transactionShares);
      out.push(
        draft(
          `${rowLabel(row)}: ${c === 'C' ? 'conversion' : 'exercise'} (${c}) of ${shares !== null ? fmtAmount(shares) + ' ' : ''}${val(row.securityTitle) ?? 'derivative securities'} on ${date} has no Table I acquisition on the same date`,
          locOf(row.transactionCode, row),
        ),
      );
    }
    return out;
  },
};

export const CODING_RULES: RuleDef[] = [
  transactionCode,
  transactionFormType,
  codeJFootnote,
  codeAcquiredDisposed,
  exercisePairing,
];
