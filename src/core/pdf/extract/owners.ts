/**
 * The reporting persons: box 1 (name and address), the relationship box, the further name boxes of a joint
 * filing, and the "Reporting Owners" table of EDGAR's PDFs (every owner with address and relationship).
 */
import { absent, emptyOwner, type ReportingOwner } from '../../model';
import type { LoadedPdf, PdfItem } from '../load';
import {
  BOX_LABEL_RE,
  boxField,
  inRegion,
  itemsBetween,
  pos,
  uncertain,
  type Ctx,
  type Hit,
  type Region,
} from './context';
import {
  cellText,
  cellTokens,
  groupLines,
  joinLines,
  joinToks,
  lineMid,
  plainTokens,
  splitByAnchors,
  type Line,
} from './geometry';
import { isWhite, trailingRunStart } from '../../linear';

const isRuleOrX = (c: number): boolean => c === 0x5f || c === 0x58;

/**
 * "CFO / Trustee" -> ["CFO", "Trustee"]: split at each "/" with white space on at least one side, that white space
 * going with it (as /\s+\/\s*|\s*\/\s+/ splits, without retrying each run of spaces from each of its characters).
 */
export function splitAtSpacedSlash(s: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let k = s.indexOf('/'); k >= 0; k = s.indexOf('/', k + 1)) {
    if (k < from) continue;
    const a = Math.max(from, trailingRunStart(s, isWhite, k));
    let b = k + 1;
    while (b < s.length && isWhite(s.charCodeAt(b))) b++;
    if (a === k && b === k + 1) continue;
    parts.push(s.slice(from, a));
    from = b;
  }
  parts.push(s.slice(from));
  return parts;
}

const ADDRESS_CAPTION = /^\((Last|First|Middle|Street|City|State|Zip)\)$/;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * "LONG BEACH, CA 90808", "LONG BEACH 90808" (no state written): [line, city, state, ZIP] as the pattern
 * /^(.*?),?\s+(?:([A-Z]{2})\s+)?(\d{5}(?:-\d{4})?)$/ would match it (the city shortest, so a state is taken when
 * there is one; the city keeps a comma only when two end it), found by a scan from the end: that pattern's lazy city
 * and the spaces after it exchange characters.
 */
export function usCityLine(s: string): [string, string, string | undefined, string] | null {
  const zipLen = /\d{5}-\d{4}$/.test(s) ? 10 : /\d{5}$/.test(s) ? 5 : 0;
  if (!zipLen) return null;
  const zipAt = s.length - zipLen;
  const gap = trailingRunStart(s, isWhite, zipAt);
  if (gap === zipAt) return null;
  const city = (end: number): string | null => {
    const c = end > 0 && s[end - 1] === ',' ? s.slice(0, end - 1) : s.slice(0, end);
    return LINE_BREAK.test(c) ? null : c;
  };
  const zip = s.slice(zipAt);
  if (gap >= 2 && isUpper(s.charCodeAt(gap - 1)) && isUpper(s.charCodeAt(gap - 2))) {
    const cityEnd = trailingRunStart(s, isWhite, gap - 2);
    const c = cityEnd < gap - 2 ? city(cityEnd) : null;
    if (c !== null) return [s, c, s.slice(gap - 2, gap), zip];
  }
  const c = city(gap);
  return c === null ? null : [s, c, undefined, zip];
}

/** A name-and-address box: the name above the (Last) (First) (Middle) captions, the street, city, state and ZIP below. */
export function readNameBox(
  ctx: Ctx,
  owner: ReportingOwner,
  items: readonly PdfItem[],
  r: Region,
  labelSize: number,
  box: string,
): void {
  const inside = items.filter(inRegion(r));
  const cap = (name: string) => inside.find((it) => it.str.trim() === `(${name})`) ?? null;
  const last = cap('Last');
  const street = cap('Street');
  const city = cap('City');
  const values = inside.filter(
    (it) => it.size > labelSize + 0.3 && !ADDRESS_CAPTION.test(it.str.trim()) && !BOX_LABEL_RE.test(it.str.trim()),
  );
  const band = (top: number, bottom: number) => values.filter((it) => it.y > top && it.y < bottom);
  const nameItems = last ? band(r.top, last.y - 1) : values;
  const c = cellText(cellTokens(nameItems));
  owner.name = boxField(c.raw, c.raw, c.marks, r.page, box);
  if (!last) {
    if (c.raw)
      uncertain(
        ctx,
        owner.name,
        'the (Last) (First) (Middle) captions were not found, the address could not be told from the name',
      );
    return;
  }
  const streetBottom = street ? street.y - 1 : city ? city.y - 20 : r.bottom;
  const streetLines = groupLines(cellTokens(band(last.y + 1, streetBottom)));
  const streets = streetLines.map((l) => joinToks(l.toks.filter((t) => !t.marks)));
  owner.street1 = boxField(streets[0] ?? null, streets[0] ?? null, [], r.page, box);
  owner.street2 = boxField(
    streets.length > 1 ? joinLines(streets.slice(1)) : null,
    streets.length > 1 ? joinLines(streets.slice(1)) : null,
    [],
    r.page,
    box,
  );
  if (streets.length > 2)
    uncertain(
      ctx,
      owner.street2,
      `the street address runs over ${streets.length} lines; where street 1 ends is a guess`,
    );
  if (!city) return;
  const cityItems = band(street ? street.y + 1 : streetBottom, city.y - 1);
  const whole = joinLines(groupLines(cellTokens(cityItems)).map((l) => joinToks(l.toks)));
  const us = usCityLine(whole);
  const stateCap = cap('State');
  const zipCap = cap('Zip');
  let cityS: string | null = null;
  let stateS: string | null = null;
  let zipS: string | null = null;
  const byCaptions =
    stateCap && zipCap && cityItems.some((it) => Math.abs(it.x0 - stateCap.x0) < 4 || Math.abs(it.x0 - zipCap.x0) < 4);
  if (byCaptions) {
    const col = (lo: number, hi: number) =>
      joinLines(
        groupLines(cellTokens(cityItems.filter((it) => it.x0 >= lo && it.x0 < hi))).map((l) => joinToks(l.toks)),
      ) || null;
    cityS = col(-Infinity, stateCap.x0 - 3);
    stateS = col(stateCap.x0 - 3, zipCap.x0 - 3);
    zipS = col(zipCap.x0 - 3, Infinity);
  } else if (us) {
    cityS = us[1].replace(/,$/, '');
    stateS = us[2] ?? null;
    zipS = us[3];
  } else if (whole) {
    cityS = whole;
  }
  owner.city = boxField(cityS, cityS, [], r.page, box);
  owner.state = boxField(stateS, stateS, [], r.page, box);
  owner.zipCode = boxField(zipS, zipS, [], r.page, box);
  if (whole && !byCaptions && !us)
    uncertain(ctx, owner.city, `"${whole}" could not be split into city, state and ZIP code`);
}

const REL_KEYS: { key: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; re: RegExp }[] = [
  { key: 'isDirector', re: /Director/ },
  { key: 'isTenPercentOwner', re: /10% Owner/ },
  { key: 'isOfficer', re: /Officer \(give/ },
  { key: 'isOther', re: /Other \(specify/ },
];

/** The relationship box: which of Director, 10% Owner, Officer and Other is marked, and the title written below. */
export function readRelationshipBox(
  ctx: Ctx,
  owner: ReportingOwner,
  items: readonly PdfItem[],
  r: Region,
  box: string,
): void {
  const inside = items.filter(inRegion(r)).filter((it) => !BOX_LABEL_RE.test(it.str.trim()));
  // Split items that hold two labels ("_____ Director _____ 10% Owner") at each label.
  const labels: { key: (typeof REL_KEYS)[number]['key']; x0: number; y: number; item: PdfItem; text: string }[] = [];
  const marksX: PdfItem[] = [];
  const rest: PdfItem[] = [];
  for (const it of inside) {
    const s = it.str;
    let used = false;
    for (const k of REL_KEYS) {
      const m = k.re.exec(s);
      if (!m) continue;
      used = true;
      // Text before the label within the same item: underscores with perhaps the X ("__X__ Officer").
      const before = s.slice(0, m.index);
      // Where its trailing run of "_" and "X" (then spaces) starts: a scan, not /[_X]*\s*$/ tried at every offset.
      const start = trailingRunStart(before, isRuleOrX, trailingRunStart(before, isWhite));
      const x0 = it.x0 + ((it.x1 - it.x0) * start) / Math.max(1, s.length);
      labels.push({ key: k.key, x0, y: it.y, item: it, text: before });
    }
    if (used) continue;
    if (/^[_\s]*[Xx][_\s]*$/.test(s)) marksX.push(it);
    else if (/^[_\s]+$/.test(s) || /^below\)$/.test(s.trim()) || /^\(Check all applicable\)$/.test(s.trim())) continue;
    else rest.push(it);
  }
  const checked = new Set<string>();
  for (const l of labels) if (/X/.test(l.text.replace(/[^_X]/g, ''))) checked.add(l.key);
  for (const x of marksX) {
    // The label this mark belongs to: the nearest label starting to its right on about the same line.
    let best: (typeof labels)[number] | null = null;
    let bestD = Infinity;
    for (const l of labels) {
      const dx = l.x0 - x.x1;
      const dy = Math.abs(lineMid(l.item) - lineMid(x));
      if (dx < -2 || dx > 45 || dy > 1.6 * Math.max(x.size, l.item.size)) continue;
      const d = dx + dy * 3;
      if (d < bestD) {
        bestD = d;
        best = l;
      }
    }
    if (best) checked.add(best.key);
  }
  for (const k of REL_KEYS) {
    const has = labels.some((l) => l.key === k.key);
    owner[k.key] = has
      ? {
          raw: checked.has(k.key) ? 'X' : null,
          value: checked.has(k.key),
          present: true,
          footnotes: [],
          span: null,
          page: r.page,
          box,
        }
      : absent<boolean>();
  }
  // The title written under the boxes.
  const below = rest.filter((it) => labels.length === 0 || it.y > Math.min(...labels.map((l) => l.y)));
  const title = cellText(cellTokens(below)).raw;
  if (title) {
    if (owner.isOfficer.value && !owner.isOther.value) owner.officerTitle = boxField(title, title, [], r.page, box);
    else if (owner.isOther.value && !owner.isOfficer.value) owner.otherText = boxField(title, title, [], r.page, box);
    else {
      const parts = splitAtSpacedSlash(title);
      owner.officerTitle = boxField(parts[0] || null, parts[0] || null, [], r.page, box);
      if (parts.length > 1 && parts[1]) owner.otherText = boxField(parts[1], parts[1], [], r.page, box);
      if (owner.isOfficer.value && owner.isOther.value && parts.length < 2)
        uncertain(ctx, owner.officerTitle, 'both Officer and Other are checked; the title may be the Other text');
    }
  }
}

/**
 * EDGAR's rendered page repeats box 1 for every further reporting person after the tables (name and address
 * only): read each, beside box 1's owner.
 */
export function readOwnerBoxesAfterTables(
  ctx: Ctx,
  pdf: LoadedPdf,
  moreOwners: readonly Hit[],
  nextHead: (h: Hit) => number,
): void {
  const filing = ctx.filing;
  moreOwners.forEach((h, i) => {
    const end = nextHead(h);
    const pg = pdf.pages[h.page - 1];
    let items: PdfItem[] = pg.items;
    let bottom = end < pos(h.page + 1, 0) ? end - pos(h.page, 0) - 0.5 : pg.height;
    if (end >= pos(h.page + 1, 0) && pdf.pages[h.page]) {
      // The box runs over the page break: the next page's top, below this page's end.
      const next = pdf.pages[h.page];
      const stop = end < pos(h.page + 2, 0) ? end - pos(h.page + 1, 0) - 0.5 : next.height;
      items = [
        ...pg.items,
        ...next.items.filter((it) => it.y < stop).map((it) => ({ ...it, page: h.page, y: it.y + pg.height })),
      ];
      bottom = pg.height + stop;
    }
    const r: Region = { page: h.page, left: h.x0 - 3, right: pg.width, top: h.y + 0.5, bottom };
    const o = emptyOwner();
    readNameBox(ctx, o, items, r, h.item.size, `Reporting person ${i + 1} (Name and Address)`);
    // The list repeats the first reporting person of box 1: keep box 1's (it has the relationship).
    const first = filing.reportingOwners[0];
    if (i === 0 && first && o.name.value && o.name.value === first.name.value) return;
    filing.reportingOwners.push(o);
  });
  if (filing.reportingOwners.length > 1) {
    ctx.findings.push({
      rule: 'extraction-uncertain',
      severity: 'info',
      message: `this page shows the relationship (director, officer, 10% owner, other) of the first reporting person only; the other ${filing.reportingOwners.length - 1} are read as unchecked`,
      span: null,
      page: moreOwners[0].page,
      box: 'Reporting persons',
    });
    for (const o of filing.reportingOwners.slice(1)) {
      for (const k of ['isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther'] as const) {
        o[k] = { ...absent<boolean>(), uncertain: true, page: moreOwners[0].page, box: 'Reporting persons' };
      }
    }
  }
}

/** The "Reporting Owners" table of EDGAR's PDFs: every owner with the address EDGAR holds and the relationship marks. */
export function readOwnersTable(ctx: Ctx, items: readonly PdfItem[], head: Hit, endPos: number): void {
  const zone = itemsBetween(items, head, endPos);
  const hdrName = zone.find((it) => /^Reporting Owner Name/.test(it.str.trim()));
  if (!hdrName) return;
  // Column labels; EDGAR sometimes prints them as one run ("Director10% OwnerOfficer").
  const cols: { key: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; x0: number; x1: number }[] = [];
  const names: [RegExp, (typeof cols)[number]['key']][] = [
    [/Director/, 'isDirector'],
    [/10% Owner/, 'isTenPercentOwner'],
    [/Officer/, 'isOfficer'],
    [/Other/, 'isOther'],
  ];
  const labelItems = zone.filter(
    (it) =>
      it.page === hdrName.page &&
      Math.abs(it.y - hdrName.y) < 14 &&
      /Director|10% Owner|Officer|Other/.test(it.str) &&
      it !== hdrName,
  );
  for (const it of labelItems) {
    const s = it.str;
    const w = (it.x1 - it.x0) / Math.max(1, s.length);
    for (const [re, key] of names) {
      const m = re.exec(s);
      if (m) cols.push({ key, x0: it.x0 + m.index * w, x1: it.x0 + (m.index + m[0].length) * w });
    }
  }
  cols.sort((a, b) => a.x0 - b.x0);
  if (cols.length !== 4) return;
  const headerBottom = Math.max(...labelItems.map((it) => it.y), hdrName.y);
  const relLeft = cols[0].x0 - 3;
  // The table may run over a page break (a row even split by it): lay the pages end to end, each page's first line
  // right below the previous page's last.
  const bodyRaw = zone.filter((it) => it.page > hdrName.page || it.y > headerBottom + 1);
  const pages = [...new Set(bodyRaw.map((it) => it.page))].sort((a, b) => a - b);
  const offset = new Map<number, number>();
  let acc = 0;
  pages.forEach((pg, i) => {
    const ys = bodyRaw.filter((it) => it.page === pg).map((it) => it.y);
    if (i > 0) {
      const prevYs = bodyRaw.filter((it) => it.page === pages[i - 1]).map((it) => it.y + offset.get(pages[i - 1])!);
      acc = Math.max(...prevYs) + 11 - Math.min(...ys);
    }
    offset.set(pg, acc);
  });
  const body = bodyRaw.map((it) => ({ ...it, y: it.y + offset.get(it.page)!, page: 0, origPage: it.page }));
  const pageOf = (y: number) => {
    let best = pages[0];
    for (const pg of pages) if (y >= offset.get(pg)! - 5) best = pg;
    return best;
  };
  const left = body.filter((it) => it.x0 < relLeft);
  const right = body.filter((it) => it.x0 >= relLeft);
  // Rows: anchored on the relationship cells (each owner has at least one), which sit in the row's middle.
  const relLines = groupLines(plainTokens(right));
  const anchorBlocks: Line[][] = [];
  for (const l of relLines) {
    const last = anchorBlocks[anchorBlocks.length - 1];
    if (last && Math.abs(lineMid(l) - lineMid(last[last.length - 1])) < 1.5 * l.size) last.push(l);
    else anchorBlocks.push([l]);
  }
  const leftLines = groupLines(plainTokens(left));
  if (leftLines.length === 0) return;
  const owners: ReportingOwner[] = [];
  const anchors = anchorBlocks.map((b) => (lineMid(b[0]) + lineMid(b[b.length - 1])) / 2);
  const assign =
    anchors.length && anchors.length <= leftLines.length
      ? splitByAnchors(leftLines, anchors, true)
      : leftLines.map(() => 0);
  const groups = new Map<number, Line[]>();
  leftLines.forEach((l, i) => groups.set(assign[i], [...(groups.get(assign[i]) ?? []), l]));
  for (const [gi, g] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const box = 'Reporting Owners';
    const pg = pageOf(g[0].y);
    const o = emptyOwner();
    const texts = g.map((l) => joinToks(l.toks));
    const fld = (s: string | null) => boxField(s, s, [], pg, box);
    o.name = fld(texts[0] ?? null);
    const cityLine = texts.length >= 2 ? texts[texts.length - 1] : null;
    const us = cityLine ? usCityLine(cityLine) : null;
    const streets = texts.slice(1, us ? -1 : texts.length);
    o.street1 = fld(streets[0] ?? null);
    o.street2 = fld(streets.length > 1 ? streets.slice(1).join(' ') : null);
    if (streets.length > 2) uncertain(ctx, o.street2, `the address runs over ${streets.length} street lines`);
    if (us) {
      o.city = fld(us[1].replace(/,$/, ''));
      o.state = fld(us[2] ?? null);
      o.zipCode = fld(us[3]);
    } else if (cityLine && texts.length >= 3) {
      o.city = fld(cityLine);
      uncertain(ctx, o.city, `"${cityLine}" could not be split into city, state and ZIP code`);
    }
    if (anchors.length === 0)
      uncertain(
        ctx,
        o.name,
        'no relationship marked for this owner; where one owner ends and the next begins is a guess',
      );
    const rel = gi >= 0 ? (anchorBlocks[gi] ?? []).flatMap((l) => l.toks) : [];
    for (const c of cols) {
      const next = cols[cols.indexOf(c) + 1];
      const inCol = rel.filter((t) => {
        const cx = (t.x0 + Math.min(t.x1, t.x0 + 30)) / 2;
        return cx >= c.x0 - 6 && (!next || cx < next.x0 - 3);
      });
      const text = joinLines(groupLines(inCol).map((l) => joinToks(l.toks)));
      const checked = text.length > 0;
      o[c.key] = { raw: text || null, value: checked, present: true, footnotes: [], span: null, page: pg, box };
      if (c.key === 'isOfficer' && text && !/^X$/i.test(text)) o.officerTitle = fld(text);
      if (c.key === 'isOther' && text && !/^X$/i.test(text)) o.otherText = fld(text);
    }
    owners.push(o);
  }
  if (owners.length === 0) return;
  // The table lists every owner with the address EDGAR holds; it supersedes the header box.
  const header = ctx.filing.reportingOwners[0];
  if (header && owners[0] && header.name.value && owners[0].name.value && header.name.value !== owners[0].name.value) {
    ctx.findings.push({
      rule: 'extraction-uncertain',
      severity: 'info',
      message: `Reporting Owners table names "${owners[0].name.value}" first but box 1 names "${header.name.value}"`,
      span: null,
      page: owners[0].name.page ?? null,
    });
  }
  ctx.filing.reportingOwners = owners;
  // Doubts about box 1's address no longer matter: the table's own lines replace it.
  ctx.findings = ctx.findings.filter((f) => !(f.box ?? '').startsWith('Box 1 '));
}
