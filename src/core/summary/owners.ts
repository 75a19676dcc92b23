/** Owner names as the summary writes them: reading order where a signature confirms it, roles, lists. */
import type { Filing, ReportingOwner } from '../model';
import { val } from '../fields';

const ENTITY =
  /,|\b(L\.?\s?P\.?|LLC|L\.?L\.?C\.?|Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Limited|Fund|Funds|Trust|Partners|Partnership|Capital|Holdings?|Group|Management|Advisors|Advisers|Investments?|Ventures|Bank|plc|N\.V\.|S\.A\.|GmbH|AG|Foundation|Associates|Equity|Opportunit\w*|Master|Offshore|Onshore|Estate|Securities|Financial|International|Enterprises|Technologies|Family)\b/i;
const SUFFIX = /^(jr|sr|ii|iii|iv|v|md|phd|esq)\.?$/i;

function bare(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9\u00c0-\u024f'-]/g, '');
}

/**
 * Names a signature gives: the signer (after "/s/", before a comma) and whom an attorney-in-fact signs for
 * ("Attorney-in-Fact for Reid G. Hoffman", "by Power of Attorney For: Elon Musk").
 */
function signatureNames(text: string): string[] {
  const out: string[] = [];
  const forWhom = /(?:attorney[- ]in[- ]fact|attorney|agent|on behalf)\s+(?:for|of)\b:?([^,;/()]+)|\bfor:([^,;/()]+)/gi;
  for (const m of text.matchAll(forWhom)) {
    const who = (m[1] ?? m[2]).trim();
    if (who) out.push(who);
  }
  const parts = text.split(/\/s\//i);
  const signed = parts.length > 1 ? parts.slice(1) : [text];
  for (const p of signed) {
    const name = p
      .replace(/^\s*(by:?\s*)/i, '')
      .split(/[,;(]|\s(?:by|for):?\s/i)[0]
      .trim();
    if (name) out.push(name);
  }
  return out;
}

/** "JR" -> "Jr", "PETER" -> "Peter"; initials ("E", "E."), roman numerals and mixed-case words as they are. */
function titleCase(word: string): string {
  if (/^\p{Lu}\.?$/u.test(word) || word !== word.toUpperCase() || /^[IVX]+$/.test(word)) return word;
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/**
 * The owner's name for reading: "Benton Todd E" -> "Todd E. Benton" when a signature confirms it (see the module
 * comment), else exactly as EDGAR has it.
 */
export function ownerName(filing: Filing, owner: ReportingOwner): string {
  const raw = val(owner.name);
  if (!raw) return '(name not given)';
  if (ENTITY.test(raw)) return raw;
  const tokens = raw.split(/\s+/);
  const suffixes: string[] = [];
  while (tokens.length > 2 && SUFFIX.test(tokens[tokens.length - 1])) suffixes.unshift(tokens.pop()!);
  if (tokens.length < 2) return raw;
  const uncertain = owner.name.uncertain === true;
  // EDGAR writes some names in capitals ("THIEL PETER"): the signature's spelling is used for the words it confirms,
  // and the words it leaves out (a middle name, a suffix) are put in its case.
  const capitals = raw === raw.toUpperCase() && raw !== raw.toLowerCase();
  const recase = (t: string) => (capitals ? titleCase(t) : t);
  for (const sig of filing.signatures) {
    const text = val(sig.name);
    if (!text) continue;
    for (const cand of signatureNames(text)) {
      let ct = cand.split(/\s+/).filter(Boolean);
      const sigSuffixes: string[] = [];
      while (ct.length > 2 && SUFFIX.test(ct[ct.length - 1])) {
        sigSuffixes.unshift(ct[ct.length - 1]);
        ct = ct.slice(0, -1);
      }
      if (ct.length < 2) continue;
      if (bare(ct[ct.length - 1]) !== bare(tokens[0]) || bare(ct[0]) !== bare(tokens[1])) continue;
      const em = tokens.slice(2);
      const cm = ct.slice(1, -1);
      const suffix = suffixes.length ? ' ' + (sigSuffixes.length ? sigSuffixes : suffixes.map(recase)).join(' ') : '';
      if (cm.length === 0) return [ct[0], ...em.map(recase), ct[ct.length - 1]].join(' ') + suffix;
      if (cm.length === em.length && (uncertain || cm.every((t, i) => bare(t)[0] === bare(em[i])[0])))
        return ct.join(' ') + suffix;
    }
  }
  return raw;
}

function roles(o: ReportingOwner): string[] {
  const r: string[] = [];
  // A title that only repeats a role already named (an officer's title "Director") is said once.
  const add = (role: string) => {
    if (!r.some((x) => x.toLowerCase() === role.toLowerCase())) r.push(role);
  };
  if (o.isDirector.value) add('Director');
  if (o.isTenPercentOwner.value) add('10% owner');
  if (o.isOfficer.value) add(val(o.officerTitle) ?? 'officer');
  if (o.isOther.value) add(val(o.otherText) ?? 'other relationship');
  return r;
}

export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function ownerWithRole(filing: Filing, o: ReportingOwner): string {
  const r = roles(o);
  // A title that holds an "and" itself ("CEO and Board Chair") keeps it: the roles are then set apart by semicolons.
  const list = r.length > 1 && r.some((x) => /\sand\s/i.test(x)) ? r.join('; ') : joinAnd(r);
  return `${ownerName(filing, o)}${r.length ? ` (${list})` : ''}`;
}
