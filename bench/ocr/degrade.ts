/**
 * A worse scan, made in a few lines of plain code (no image library is guaranteed on the machines): a grey PGM
 * page turned by a small angle, as a sheet lies crooked on a scanner, and speckled with dots of noise, the same
 * dots for the same seed so the figures can be reproduced.
 */

export interface Pgm {
  width: number;
  height: number;
  maxval: number;
  data: Uint8Array;
}

/** A binary (P5) PGM with 8-bit samples, as pdftoppm -gray writes it. */
export function readPgm(buf: Uint8Array): Pgm {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < buf.length && /\s/.test(String.fromCharCode(buf[pos]))) pos++;
      if (buf[pos] === 0x23) while (pos < buf.length && buf[pos] !== 0x0a) pos++;
      else break;
    }
    const s = pos;
    while (pos < buf.length && !/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    return Buffer.from(buf.subarray(s, pos)).toString('latin1');
  };
  if (token() !== 'P5') throw new Error('not a binary PGM (P5)');
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  pos++; // the single white-space character before the samples
  if (!(width > 0 && height > 0 && maxval > 0 && maxval < 256)) throw new Error('unsupported PGM header');
  return { width, height, maxval, data: buf.subarray(pos, pos + width * height) };
}

export function writePgm(p: Pgm): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${p.width} ${p.height}\n${p.maxval}\n`, 'latin1'), Buffer.from(p.data)]);
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The page turned by `degrees` about its centre (bilinear, white outside the page), then a share `noise` of
 * its pixels set to black or white at random.
 */
export function degrade(p: Pgm, degrees: number, noise: number, seed = 1): Pgm {
  const { width: w, height: h, data } = p;
  const out = new Uint8Array(w * h);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= w || y >= h ? p.maxval : data[y * w + x]);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // The source pixel that lands here: the inverse rotation.
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const v =
        at(x0, y0) * (1 - fx) * (1 - fy) +
        at(x0 + 1, y0) * fx * (1 - fy) +
        at(x0, y0 + 1) * (1 - fx) * fy +
        at(x0 + 1, y0 + 1) * fx * fy;
      out[y * w + x] = Math.round(v);
    }
  }
  const rnd = random(seed);
  const n = Math.round(w * h * noise);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rnd() * w * h);
    out[k] = rnd() < 0.5 ? 0 : p.maxval;
  }
  return { ...p, data: out };
}
