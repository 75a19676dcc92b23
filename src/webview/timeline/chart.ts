/**
 * One series of the holdings timeline as an SVG chart, drawn with d3-scale and d3-shape: the amount owned as a step
 * line over time, every row of a filing a point (coloured by transaction code through CSS classes, sized by value),
 * and the rows where the running tally breaks marked on the line (a ring, and a gap rule between the amount the line
 * led to and the amount the filing states).
 *
 * SVG rather than canvas: every point is a DOM element with a label (screen readers, keyboard, UI tests), colours
 * come from the theme's CSS variables (light, dark and high contrast), and nothing needs inline styles, so the
 * webview's CSP stays strict. Filing text only ever goes in through textContent / setAttribute.
 */
import { scaleLinear, type ScaleLinear, type ScaleTime, type ScalePower } from 'd3-scale';
import { line, curveStepAfter } from 'd3-shape';
import type { TimelinePoint, TimelineSeries } from '../../core/timeline';

const SVG = 'http://www.w3.org/2000/svg';

export interface ChartContext {
  width: number;
  height: number;
  x: ScaleTime<number, number>;
  r: ScalePower<number, number>;
  /** Accessible label of a point. */
  label(p: TimelinePoint): string;
  onOpen(p: TimelinePoint): void;
  onHover(p: TimelinePoint | null, target: Element | null): void;
}

export const MARGIN = { top: 14, right: 18, bottom: 24, left: 72 };

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  cls?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (cls) e.setAttribute('class', cls);
  return e;
}

/** Day of a YYYY-MM-DD date as a UTC Date (no time zone moves it). */
export function utcDay(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export const DAY_MS = 86_400_000;

/** Days as short axis labels ("Nov 8"), for spans of a few weeks where d3's ticks would fall between days. */
const DAY_LABEL = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * Ticks of the time axis: every day (or every few days) at midnight UTC when the span is a few weeks or less, so a
 * tick never sits between two days; d3's ticks for longer spans.
 */
export function timeTicks(x: ScaleTime<number, number>, count: number): { at: Date; label: string }[] {
  const [a, b] = x.domain().map((d) => d.getTime());
  const days = (b - a) / DAY_MS;
  if (days > 45) {
    const fmt = x.tickFormat();
    return x.ticks(count).map((t) => ({ at: t, label: fmt(t) }));
  }
  const every = Math.max(1, Math.ceil(days / Math.max(1, count)));
  const out: { at: Date; label: string }[] = [];
  for (let t = Math.ceil(a / DAY_MS) * DAY_MS; t <= b; t += every * DAY_MS)
    out.push({ at: new Date(t), label: DAY_LABEL.format(t) });
  return out;
}

/** Ticks of the amount axis; whole numbers only when every amount is whole (no 0.2-share ticks). */
export function amountTicks(y: ScaleLinear<number, number>, count: number, whole: boolean): number[] {
  const ticks = y.ticks(count);
  return whole ? ticks.filter((t) => Number.isInteger(t)) : ticks;
}

/**
 * Horizontal offsets of the points of one day, in the order given, centred on the day: neighbours are at least the
 * larger radius (+1.5 px) apart, so no point's centre lies under another point and each can be hovered and clicked;
 * a day with more points than `room` allows is compressed to fit it.
 */
export function spreadOffsets(radii: readonly number[], room: number): number[] {
  const at = [0];
  for (let k = 1; k < radii.length; k++) at.push(at[k - 1] + Math.max(radii[k - 1], radii[k]) + 1.5);
  const width = at[at.length - 1];
  const squeeze = width > room && width > 0 ? room / width : 1;
  return at.map((v) => (v - width / 2) * squeeze);
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

/** The chart of one series. Points without a date are not drawn (the caption counts them). */
export function seriesChart(series: TimelineSeries, ctx: ChartContext): SVGSVGElement {
  const { width, height, x } = ctx;
  const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group' }, 'chart');
  svg.setAttribute('aria-label', `${series.label}: amount owned over time`);
  const dated = series.points.filter((p): p is TimelinePoint & { date: string } => p.date !== null);
  const amounts = dated.map((p) => (p.owned !== null ? Number(p.owned) : NaN)).filter((n) => Number.isFinite(n));
  const max = amounts.length ? Math.max(...amounts) : 1;
  const min = amounts.length ? Math.min(...amounts) : 0;
  // From zero, unless every amount sits in the top half: then the axis starts lower (labelled), so that a break of a
  // few hundred shares on a holding of thousands stays visible.
  const lo = min > 0 && max > min && min >= max * 0.5 ? Math.max(0, min - (max - min) * 0.5 - max * 0.02) : 0;
  const y = scaleLinear()
    .domain([lo, max > lo ? max : lo + 1])
    .nice(4)
    .range([height - MARGIN.bottom, MARGIN.top]);

  // Grid and axes.
  const axes = svgEl('g', {}, 'axes');
  const whole = amounts.every((n) => Number.isInteger(n));
  for (const t of amountTicks(y, 4, whole)) {
    const yy = Math.round(y(t)) + 0.5;
    axes.append(svgEl('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: yy, y2: yy }, 'grid'));
    const lab = svgEl('text', { x: MARGIN.left - 6, y: yy, dy: '0.32em', 'text-anchor': 'end' }, 'tick');
    lab.textContent = compact.format(t);
    axes.append(lab);
  }
  const base = Math.round(y(y.domain()[0])) + 0.5;
  axes.append(svgEl('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: base, y2: base }, 'axis'));
  for (const t of timeTicks(x, Math.max(2, Math.floor((width - MARGIN.left - MARGIN.right) / 110)))) {
    const xx = Math.round(x(t.at)) + 0.5;
    axes.append(svgEl('line', { x1: xx, x2: xx, y1: base, y2: base + 4 }, 'axis'));
    const lab = svgEl('text', { x: xx, y: base + 16, 'text-anchor': 'middle' }, 'tick');
    lab.textContent = t.label;
    axes.append(lab);
  }
  svg.append(axes);

  // Rows of one day are spread apart in the order the tally reconciles them (a same-day exercise and sales read as a
  // staircase), far enough that each point stays reachable; the line runs through the spread positions.
  const radius = (p: TimelinePoint): number => ctx.r(p.value !== null ? Math.abs(Number(p.value)) : 0);
  const xs = new Map<TimelinePoint, number>();
  const room = x.range()[1] - x.range()[0];
  for (let i = 0; i < dated.length;) {
    let j = i;
    while (j < dated.length && dated[j].date === dated[i].date) j++;
    const day = x(utcDay(dated[i].date));
    const offsets = spreadOffsets(dated.slice(i, j).map(radius), room);
    for (let k = i; k < j; k++) xs.set(dated[k], day + offsets[k - i]);
    i = j;
  }
  const px = (p: TimelinePoint): number => xs.get(p) ?? 0;
  // The amount owned: a step line through the points that state it; continued (dashed) to the group's last date.
  const known = dated.filter((p) => p.owned !== null && Number.isFinite(Number(p.owned)));
  const path = line<TimelinePoint & { date: string }>()
    .x(px)
    .y((p) => y(Number(p.owned)))
    .curve(curveStepAfter);
  if (known.length) {
    svg.append(svgEl('path', { d: path(known) ?? '' }, 'amount'));
    const last = known[known.length - 1];
    const x0 = px(last);
    const x1 = x.range()[1];
    if (x1 > x0 + 1)
      svg.append(
        svgEl('line', { x1: x0, x2: x1, y1: y(Number(last.owned)), y2: y(Number(last.owned)) }, 'amount-after'),
      );
  }

  // Breaks: the rule between the amount the line stood at and the amount the filing states.
  const marks = svgEl('g', {}, 'breaks');
  let prev: number | null = null;
  for (const p of dated) {
    const owned = p.owned !== null ? Number(p.owned) : NaN;
    if (p.breaks.length && Number.isFinite(owned)) {
      const xx = px(p);
      const g = svgEl('g', {}, 'break');
      g.setAttribute('data-rule', p.breaks.map((b) => b.rule).join(' '));
      if (prev !== null && prev !== owned)
        g.append(svgEl('line', { x1: xx, x2: xx, y1: y(prev), y2: y(owned) }, 'break-gap'));
      g.append(
        svgEl(
          'circle',
          { cx: xx, cy: y(owned), r: ctx.r(p.value !== null ? Math.abs(Number(p.value)) : 0) + 5 },
          'break-ring',
        ),
      );
      const warn = svgEl(
        'text',
        { x: xx, y: y(owned) - ctx.r(p.value !== null ? Math.abs(Number(p.value)) : 0) - 8, 'text-anchor': 'middle' },
        'break-label',
      );
      warn.textContent = '!';
      g.append(warn);
      marks.append(g);
    }
    if (Number.isFinite(owned)) prev = owned;
  }
  svg.append(marks);

  // Points: every row, coloured by code (holdings: their own class), sized by value. One set of listeners on the
  // group (delegation) instead of six per point: large pairs have thousands of points.
  const pts = svgEl('g', {}, 'points');
  const pointOf = (e: Event): TimelinePoint | null => {
    const t = e.target as Element | null;
    const i = t?.getAttribute?.('data-i');
    return i === null || i === undefined ? null : (dated[Number(i)] ?? null);
  };
  pts.addEventListener('click', (e) => {
    const p = pointOf(e);
    if (p) ctx.onOpen(p);
  });
  pts.addEventListener('keydown', (e) => {
    const p = pointOf(e);
    if (p && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      ctx.onOpen(p);
    }
  });
  pts.addEventListener('pointerover', (e) => ctx.onHover(pointOf(e), e.target as Element));
  pts.addEventListener('pointerout', () => ctx.onHover(null, null));
  pts.addEventListener('focusin', (e) => ctx.onHover(pointOf(e), e.target as Element));
  pts.addEventListener('focusout', () => ctx.onHover(null, null));
  let lastKnown: number | null = null;
  for (const [i, p] of dated.entries()) {
    const owned = p.owned !== null ? Number(p.owned) : NaN;
    const yv = Number.isFinite(owned) ? owned : (lastKnown ?? 0);
    if (Number.isFinite(owned)) lastKnown = owned;
    const v = p.value !== null ? Math.abs(Number(p.value)) : 0;
    const cls = ['pt', p.kind === 'holding' ? 'holding' : `code-${p.code ?? 'none'}`];
    if (!Number.isFinite(owned)) cls.push('unknown');
    if (p.breaks.length) cls.push('has-break');
    const c = svgEl('circle', { cx: px(p), cy: y(yv), r: ctx.r(v), tabindex: 0, role: 'button' }, cls.join(' '));
    c.setAttribute('aria-label', ctx.label(p));
    c.setAttribute('data-path', p.path);
    c.setAttribute('data-filing', String(p.filing));
    c.setAttribute('data-i', String(i));
    pts.append(c);
  }
  svg.append(pts);
  return svg;
}
