/**
 * Transaction codes of Forms 4 and 5 (General Instructions, item 8), with the acquired/disposed flag each
 * normally carries. Used by the rules, hovers and summaries.
 */
import { nameTable } from './lookup';

export type AcqDisp = 'A' | 'D';

export interface TransactionCodeInfo {
  code: string;
  /** Meaning, as on the form. */
  meaning: string;
  /** A few words for messages and summaries ("tax withholding"). */
  short: string;
  /** Group heading on the form's code list. */
  group: 'General' | 'Rule 16b-3' | 'Derivative securities' | 'Other section 16(b) exempt' | 'Other' | 'Not in XML';
  /** The A/D flag the code implies in Table I, or null when either is normal. */
  expectTableI: AcqDisp | null;
  /** The A/D flag the code implies in Table II, or null when either is normal. */
  expectTableII: AcqDisp | null;
  /** Valid as an XML `transactionCode` value (K and V are not: K is `equitySwapInvolved`, V is timeliness). */
  xml: boolean;
}

const SHORT = nameTable({
  P: 'purchase',
  S: 'sale',
  V: 'voluntary early report',
  A: 'grant or award',
  D: 'disposition to the issuer',
  F: 'payment of exercise price or tax by withholding',
  I: 'discretionary transaction',
  M: 'exercise or conversion (Rule 16b-3)',
  C: 'conversion',
  E: 'expiration of a short position',
  H: 'expiration of a long position with value received',
  O: 'out-of-the-money exercise',
  X: 'in- or at-the-money exercise',
  G: 'gift',
  L: 'small acquisition',
  W: 'will or laws of descent',
  Z: 'voting trust deposit or withdrawal',
  J: 'other acquisition or disposition',
  K: 'equity swap',
  U: 'tender in a change of control',
});

const T = (
  code: string,
  meaning: string,
  group: TransactionCodeInfo['group'],
  expectTableI: AcqDisp | null,
  expectTableII: AcqDisp | null,
  xml = true,
): TransactionCodeInfo => ({ code, meaning, short: SHORT[code] ?? meaning, group, expectTableI, expectTableII, xml });

export const TRANSACTION_CODES: readonly TransactionCodeInfo[] = [
  T('P', 'Open market or private purchase of non-derivative or derivative security', 'General', 'A', 'A'),
  T('S', 'Open market or private sale of non-derivative or derivative security', 'General', 'D', 'D'),
  T('V', 'Transaction voluntarily reported earlier than required', 'Not in XML', null, null, false),
  T('A', 'Grant, award or other acquisition pursuant to Rule 16b-3(d)', 'Rule 16b-3', 'A', 'A'),
  T('D', 'Disposition to the issuer of issuer equity securities pursuant to Rule 16b-3(e)', 'Rule 16b-3', 'D', 'D'),
  T(
    'F',
    'Payment of exercise price or tax liability by delivering or withholding securities incident to the receipt, exercise or vesting of a security issued in accordance with Rule 16b-3',
    'Rule 16b-3',
    'D',
    'D',
  ),
  T('I', 'Discretionary transaction in accordance with Rule 16b-3(f)', 'Rule 16b-3', null, null),
  T('M', 'Exercise or conversion of derivative security exempted pursuant to Rule 16b-3', 'Rule 16b-3', 'A', 'D'),
  T('C', 'Conversion of derivative security', 'Derivative securities', null, 'D'),
  T('E', 'Expiration of short derivative position', 'Derivative securities', null, null),
  T(
    'H',
    'Expiration (or cancellation) of long derivative position with value received',
    'Derivative securities',
    'D',
    'D',
  ),
  T('O', 'Exercise of out-of-the-money derivative security', 'Derivative securities', 'A', 'D'),
  T('X', 'Exercise of in-the-money or at-the-money derivative security', 'Derivative securities', 'A', 'D'),
  T('G', 'Bona fide gift', 'Other section 16(b) exempt', null, null),
  T('L', 'Small acquisition under Rule 16a-6', 'Other section 16(b) exempt', 'A', 'A'),
  T(
    'W',
    'Acquisition or disposition by will or the laws of descent and distribution',
    'Other section 16(b) exempt',
    null,
    null,
  ),
  T('Z', 'Deposit into or withdrawal from voting trust', 'Other section 16(b) exempt', null, null),
  T('J', 'Other acquisition or disposition (describe transaction)', 'Other', null, null),
  T('K', 'Transaction in equity swap or instrument with similar characteristics', 'Other', null, null, false),
  T('U', 'Disposition pursuant to a tender of shares in a change of control transaction', 'Other', 'D', 'D'),
];

const BY_CODE = new Map(TRANSACTION_CODES.map((c) => [c.code, c]));

/** The code's entry, or undefined for an unknown code. Case-insensitive. */
export function codeInfo(code: string | null | undefined): TransactionCodeInfo | undefined {
  if (!code) return undefined;
  return BY_CODE.get(code.trim().toUpperCase());
}

/** Codes valid as XML `transactionCode` values. */
export const XML_TRANSACTION_CODES: readonly string[] = TRANSACTION_CODES.filter((c) => c.xml)
  .map((c) => c.code)
  .sort();

/** Codes of Table II rows that exercise or convert a derivative (they usually pair with a Table I acquisition). */
export const EXERCISE_CODES: readonly string[] = ['M', 'X', 'O', 'C'];
