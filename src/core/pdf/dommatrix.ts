/**
 * A minimal 2-D `DOMMatrix` for pdf.js in Node without `@napi-rs/canvas`.
 *
 * pdf.js builds a `DOMMatrix` when its display module loads (`const SCALE_MATRIX = new DOMMatrix()`) and would
 * otherwise fail with "DOMMatrix is not defined"; it polyfills one from `@napi-rs/canvas`, a native module that the
 * universal .vsix does not ship. Reading text never renders, so only construction and the affine operations need
 * to be right; this class implements the 2-D subset (a..f) of the DOMMatrix interface.
 */
type Init = number[] | Float32Array | Float64Array | string | undefined;

export class DOMMatrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  readonly is2D = true;

  constructor(init?: Init) {
    if (init && typeof init !== 'string' && init.length >= 6) {
      const m = Array.from(init);
      if (m.length === 16) [this.a, this.b, this.c, this.d, this.e, this.f] = [m[0], m[1], m[4], m[5], m[12], m[13]];
      else [this.a, this.b, this.c, this.d, this.e, this.f] = m;
    }
  }

  get m11() {
    return this.a;
  }
  get m12() {
    return this.b;
  }
  get m21() {
    return this.c;
  }
  get m22() {
    return this.d;
  }
  get m41() {
    return this.e;
  }
  get m42() {
    return this.f;
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  private set6(a: number, b: number, c: number, d: number, e: number, f: number): this {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
    return this;
  }

  /** this = this × other */
  multiplySelf(o: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    return this.set6(
      this.a * o.a + this.c * o.b,
      this.b * o.a + this.d * o.b,
      this.a * o.c + this.c * o.d,
      this.b * o.c + this.d * o.d,
      this.a * o.e + this.c * o.f + this.e,
      this.b * o.e + this.d * o.f + this.f,
    );
  }

  /** this = other × this */
  preMultiplySelf(o: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    const m = new DOMMatrix2D([o.a, o.b, o.c, o.d, o.e, o.f]).multiplySelf(this);
    return this.set6(m.a, m.b, m.c, m.d, m.e, m.f);
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf(new DOMMatrix2D([1, 0, 0, 1, tx, ty]));
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new DOMMatrix2D([sx, 0, 0, sy, 0, 0]));
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.set6(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set6(
      this.d / det,
      -this.b / det,
      -this.c / det,
      this.a / det,
      (this.c * this.f - this.d * this.e) / det,
      (this.b * this.e - this.a * this.f) / det,
    );
  }

  multiply(o: DOMMatrix2D): DOMMatrix2D {
    return this.clone().multiplySelf(o);
  }
  translate(tx = 0, ty = 0): DOMMatrix2D {
    return this.clone().translateSelf(tx, ty);
  }
  scale(sx = 1, sy = sx): DOMMatrix2D {
    return this.clone().scaleSelf(sx, sy);
  }
  inverse(): DOMMatrix2D {
    return this.clone().invertSelf();
  }
  clone(): DOMMatrix2D {
    return new DOMMatrix2D([this.a, this.b, this.c, this.d, this.e, this.f]);
  }
  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
  toFloat64Array(): Float64Array {
    return new Float64Array([this.a, this.b, 0, 0, this.c, this.d, 0, 0, 0, 0, 1, 0, this.e, this.f, 0, 1]);
  }
}

/** Install the 2-D DOMMatrix on globalThis when the platform has none. */
export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (typeof g.DOMMatrix !== 'function') g.DOMMatrix = DOMMatrix2D;
}
