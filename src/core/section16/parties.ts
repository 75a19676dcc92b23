/**
 * Who a filing is about, as the Section 16 desk groups it: each reporting owner and the issuer, keyed by CIK, else by
 * the normalized name. A name-only owner (a PDF or OCR text without the CIK) takes the CIK another filing of the set
 * gives for the same normalized name, so one person's filings group together whatever their source.
 */
import type { Filing } from '../model';
import { normCik, val } from '../fields';

export interface Party {
  /** "cik:1494730" or "name:musk elon". */
  key: string;
  /** The name as the filing writes it ("" when it gives none). */
  name: string;
  /** Without leading zeros, or null. */
  cik: string | null;
}

/** A name for keys: case, punctuation and spacing ignored ("MUSK, ELON" and "Musk Elon" are one). */
export function normName(s: string | null | undefined): string {
  return (s ?? '')
    .slice(0, 300)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function party(cikText: string | null, nameText: string | null): Party {
  const cik = normCik(cikText);
  const name = (nameText ?? '').trim();
  return { key: cik ? `cik:${cik}` : `name:${normName(name)}`, name, cik };
}

export function issuerOf(filing: Filing): Party {
  return party(val(filing.issuer.cik), val(filing.issuer.name) ?? filing.issuer.name.raw);
}

export function ownersOf(filing: Filing): Party[] {
  return filing.reportingOwners.map((o) => party(val(o.cik), val(o.name) ?? o.name.raw));
}

/**
 * Resolves name-only parties to the CIK the set gives for that name (when exactly one CIK goes with it), and
 * remembers the fullest name seen for each key.
 */
export class PartyIndex {
  private readonly cikOfName = new Map<string, string | null>();
  private readonly names = new Map<string, string>();

  constructor(filings: readonly Filing[]) {
    for (const f of filings) for (const p of [issuerOf(f), ...ownersOf(f)]) this.learn(p);
  }

  private learn(p: Party): void {
    const n = normName(p.name);
    if (p.cik && n) {
      const known = this.cikOfName.get(n);
      // Two CIKs for one name: the name alone cannot tell them apart.
      if (known === undefined) this.cikOfName.set(n, p.cik);
      else if (known !== p.cik) this.cikOfName.set(n, null);
    }
    const before = this.names.get(p.key);
    if (p.name && (!before || p.name.length > before.length)) this.names.set(p.key, p.name);
  }

  resolve(p: Party): Party {
    if (p.cik) return { ...p, name: p.name || this.names.get(p.key) || '' };
    const cik = this.cikOfName.get(normName(p.name)) ?? null;
    if (!cik) return p;
    const key = `cik:${cik}`;
    return { key, cik, name: p.name || this.names.get(key) || '' };
  }

  issuer(filing: Filing): Party {
    return this.resolve(issuerOf(filing));
  }

  owners(filing: Filing): Party[] {
    return ownersOf(filing).map((p) => this.resolve(p));
  }
}

/** "Musk Elon (CIK 1494730)", "Jane Doe", "(no name, CIK 42)". */
export function partyLabel(p: Party): string {
  const name = p.name || '(no name)';
  return p.cik ? `${name} (CIK ${p.cik})` : name;
}
