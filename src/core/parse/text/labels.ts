/**
 * The form's own printed labels read where a value should be: text laid out by columns, or OCR, can put a label
 * ("OMB APPROVAL", "(Check all applicable)", "(First)") in a box's place when the box's value is elsewhere or
 * absent. A label is never the value: it is dropped and said where it was read.
 */
import type { Field } from '../../model';
import type { TextDoc } from './doc';

/** A value that is one of the form's labels, whole. */
const FORM_LABEL: readonly RegExp[] = [
  // The address box's small labels, alone or in a row: "(First)", "(Last) (First) (Middle)".
  /^(?:\((?:Last|First|Middle|Street|City|State|Zip)\)\s*){1,3}$/i,
  /^OMB\s+(?:APPROVAL|Number)\b/i,
  /^Washington,?\s+D\.\s?C\.(?:,?\s+20549)?$/i,
  /^\(?Check\s+all\s+applicable\)?$/i,
  // A box's numbered label: "5. Relationship of Reporting Person(s) to Issuer", "2. Issuer Name and Ticker ...".
  /^\d[A-Z]?\.\s+(?:Name\s+and\s+Address|Issuer\s+Name|Relationship\s+of|Date\s+of\s+Earliest|If\s+Amendment|Individual\s+or\s+Joint|Statement\s+for|Title\s+of|Date\s+of\s+Event)\b/i,
  /^(?:Estimated\s+average\s+burden|hours\s+per\s+response)\b/i,
  /^(?:UNITED\s+STATES\s+)?SECURITIES\s+AND\s+EXCHANGE\s+COMMISSION$/i,
  /^\((?:Month\/Day\/Year|MM\/DD\/YYYY)\)$/i,
];

/** Whether `v` is one of the form's printed labels. */
export function isFormLabel(v: string): boolean {
  const s = v.trim();
  return s.length <= 120 && FORM_LABEL.some((re) => re.test(s));
}

/** Every header value that is a label of the form is dropped, said at its place. */
export function dropLabelsReadAsValues(doc: TextDoc): void {
  const f = doc.filing;
  const fields: [Field<string>, string][] = [
    [f.issuer.name, 'Issuer name'],
    ...f.reportingOwners.flatMap((o): [Field<string>, string][] => [
      [o.name, 'Reporting person name'],
      [o.street1, 'Street'],
      [o.street2, 'Street (second line)'],
      [o.city, 'City'],
      [o.officerTitle, 'Officer title'],
      [o.otherText, 'Other (specify)'],
    ]),
    ...f.signatures.map((s): [Field<string>, string] => [s.name, 'Signature']),
  ];
  for (const [field, what] of fields) {
    const v = field.value;
    if (!v || !isFormLabel(v)) continue;
    field.value = null;
    doc.doubt(field, what, `"${v}" is a label printed on the form, not a value: not read`);
  }
}
