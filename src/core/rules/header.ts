/** A full submission's header agrees with the ownership document inside it: docs/RULES.md, "The submission header". */
import { dayNumber } from '../dates';
import { docType, locOf, normCik, rel, val } from '../fields';
import { type Draft, type RuleDef, draft } from './types';

function headerDate(s: string | null): string | null {
  if (s === null) return null;
  const t = s.trim();
  if (/^\d{8}$/.test(t)) return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  return dayNumber(t) !== null ? t.slice(0, 10) : null;
}

export const headerDocumentType: RuleDef = {
  id: 'header-document-type',
  severity: 'error',
  title: 'Header and document type agree',
  description: "Inside a full submission, the document's documentType matches the header's CONFORMED SUBMISSION TYPE.",
  source: 'TS 1',
  check({ filing }) {
    const h = filing.submission;
    if (!h) return [];
    const ht = val(h.conformedSubmissionType);
    const dt = docType(filing);
    if (ht === null || dt === null || ht.toUpperCase() === dt) return [];
    return [
      draft(
        `documentType is ${dt}, but the submission header says CONFORMED SUBMISSION TYPE ${ht}`,
        locOf(filing.documentType),
        [rel(`CONFORMED SUBMISSION TYPE ${ht}`, locOf(h.conformedSubmissionType))],
      ),
    ];
  },
};

export const headerMismatch: RuleDef = {
  id: 'header-mismatch',
  severity: 'error',
  title: 'Header and document agree',
  description:
    'The submission header and the ownership document name the same issuer CIK, reporting owner CIKs and period of report.',
  source: 'TS 26',
  check({ filing }) {
    const h = filing.submission;
    if (!h) return [];
    const out: Draft[] = [];
    const hi = normCik(val(h.issuerCik));
    const di = normCik(val(filing.issuer.cik));
    if (hi !== null && di !== null && hi !== di)
      out.push(
        draft(
          `issuerCik is ${val(filing.issuer.cik)}, but the submission header names issuer CIK ${val(h.issuerCik)}`,
          locOf(filing.issuer.cik),
          [rel(`Header issuer CIK ${val(h.issuerCik)}`, locOf(h.issuerCik))],
        ),
      );
    const headerOwners = new Map<string, (typeof h.reportingOwnerCiks)[number]>();
    for (const f of h.reportingOwnerCiks) {
      const c = normCik(val(f));
      if (c !== null) headerOwners.set(c, f);
    }
    const docOwners = new Map<string, (typeof filing.reportingOwners)[number]>();
    for (const o of filing.reportingOwners) {
      const c = normCik(val(o.cik));
      if (c !== null) docOwners.set(c, o);
    }
    if (headerOwners.size && docOwners.size) {
      for (const [c, o] of docOwners)
        if (!headerOwners.has(c))
          out.push(
            draft(
              `Reporting owner CIK ${val(o.cik)} is not among the header's reporting owners (${[...headerOwners.values()].map((f) => val(f)).join(', ')})`,
              locOf(o.cik, o),
            ),
          );
      for (const [c, f] of headerOwners)
        if (!docOwners.has(c))
          out.push(
            draft(`The header names reporting owner CIK ${val(f)}, which the document does not list`, locOf(f), []),
          );
    }
    const hp = headerDate(val(h.periodOfReport) ?? h.periodOfReport.raw);
    const dp = headerDate(val(filing.periodOfReport));
    if (hp !== null && dp !== null && hp !== dp)
      out.push(
        draft(
          `periodOfReport is ${dp}, but the submission header says CONFORMED PERIOD OF REPORT ${hp}`,
          locOf(filing.periodOfReport),
          [rel(`Header period of report ${hp}`, locOf(h.periodOfReport))],
        ),
      );
    return out;
  },
};

export const HEADER_RULES: RuleDef[] = [headerDocumentType, headerMismatch];
