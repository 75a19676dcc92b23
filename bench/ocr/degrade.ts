/**
 * A worse scan, made in a few lines of plain code (no image library is guaranteed on the machines): a grey PGM
 * page turned by a small angle, as a sheet lies crooked on a scanner, and speckled with dots of noise, the same
 * dots for the same seed so the figures can be reproduced.
 */

import type { Pgm } from '../../src/core/ocr/image';

/** A small deterministic generator (mulberry32): the same numbers for the same seed (the tests use it too). */
export function random(seed: number): () => number {
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
  const { width: w, height: h } = p;
  const out = rotate(p, degrees).data;
  const rnd = random(seed);
  const n = Math.round(w * h * noise);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rnd() * w * h);
    out[k] = rnd() < 0.5 ? 0 : p.maxval;
  }
  return { ...p, data: out };
}

/** The image turned by `degrees` about its centre (bilinear; white where the turned page leaves nothing). */
export function rotate(p: Pgm, degrees: number): Pgm {
  const { width: w, height: h, data, maxval } = p;
  const out = new Uint8Array(w * h);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= w || y >= h ? maxval : data[y * w + x]);
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      // The source pixel that lands here: the inverse rotation.
      const sx = cos * (x - cx) + sin * dy + cx;
      const sy = -sin * (x - cx) + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      out[y * w + x] = Math.round(
        at(x0, y0) * (1 - fx) * (1 - fy) +
          at(x0 + 1, y0) * fx * (1 - fy) +
          at(x0, y0 + 1) * (1 - fx) * fy +
          at(x0 + 1, y0 + 1) * fx * fy,
      );
    }
  }
  return { ...p, data: out };
}

/** The image scaled by a whole factor (bilinear), as a PDF viewer renders a scan at a higher resolution. */
export function upscale(p: Pgm, factor: number): Pgm {
  const { width: w, height: h, data } = p;
  const W = w * factor;
  const H = h * factor;
  const out = new Uint8Array(W * H);
  for (let Y = 0; Y < H; Y++) {
    const sy = Math.min(h - 1, Math.max(0, (Y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let X = 0; X < W; X++) {
      const sx = Math.min(w - 1, Math.max(0, (X + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      out[Y * W + X] = Math.round(
        data[y0 * w + x0] * (1 - fx) * (1 - fy) +
          data[y0 * w + x1] * fx * (1 - fy) +
          data[y1 * w + x0] * (1 - fx) * fy +
          data[y1 * w + x1] * fx * fy,
      );
    }
  }
  return { ...p, width: W, height: H, data: out };
}
