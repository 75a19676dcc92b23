/**
 * Cleaning a page image before OCR (src/core/ocr/image): dots of noise and pinholes go, the smallest marks a form
 * prints stay. Images are drawn here pixel by pixel: 0 ink, 255 paper.
 */
import * as assert from 'node:assert/strict';
import { despeckle, readPgm, writePgm, type Pgm } from '../../src/core/ocr/image';
import { cleanPage } from '../../src/core/ocr/run';

function page(w: number, h: number): Pgm {
  return { width: w, height: h, maxval: 255, data: new Uint8Array(w * h).fill(255) };
}

function ink(p: Pgm, x0: number, y0: number, w: number, h: number, v = 0): void {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) p.data[y * p.width + x] = v;
}

const at = (p: Pgm, x: number, y: number) => p.data[y * p.width + x];

describe('OCR page cleaning', function () {
  it('takes off dots of up to four pixels and keeps a period of nine', function () {
    const p = page(40, 20);
    ink(p, 2, 2, 1, 1); // one pixel of noise
    ink(p, 6, 2, 2, 2); // a dot of a 150 dpi scan rendered at 300 dpi
    ink(p, 12, 2, 3, 3); // a period of small type at 300 dpi
    ink(p, 20, 2, 1, 1, 100); // a grey dot, dark enough to be ink
    const out = despeckle(p);
    assert.equal(at(out, 2, 2), 255);
    assert.equal(at(out, 6, 2) + at(out, 7, 3), 510);
    assert.equal(at(out, 12, 2), 0);
    assert.equal(at(out, 14, 4), 0);
    assert.equal(at(out, 20, 2), 255);
    assert.deepEqual(p.data.filter((v) => v === 0).length, 1 + 4 + 9, 'the input image is left as it was');
  });

  it('fills a pinhole inside a stroke, not the eye of a letter or paper at the border', function () {
    const p = page(40, 20);
    ink(p, 2, 2, 8, 8); // a stroke with a one-pixel hole
    ink(p, 5, 5, 1, 1, 255);
    ink(p, 14, 2, 8, 8); // a letter with an eye of 3x3 pixels
    ink(p, 16, 4, 3, 3, 255);
    ink(p, 30, 0, 6, 4); // ink at the top border with a hole open to the edge
    ink(p, 32, 0, 1, 1, 255);
    const out = despeckle(p);
    assert.equal(at(out, 5, 5), 0, 'the pinhole is filled');
    assert.equal(at(out, 17, 5), 255, 'the eye stays');
    assert.equal(at(out, 32, 0), 255, 'paper at the border is not a pinhole');
  });

  it('keeps a stroke whose pixels are each alone on a row (a thin diagonal)', function () {
    const p = page(20, 20);
    for (let i = 0; i < 10; i++) ink(p, 3 + i, 3 + i, 1, 1);
    const out = despeckle(p);
    assert.equal(out.data.filter((v) => v === 0).length, 10);
  });

  it('scales the largest speck with the resolution: one pixel at 150 dpi', function () {
    const p = page(20, 10);
    ink(p, 2, 2, 1, 1);
    ink(p, 6, 2, 2, 1);
    const out = readPgm(cleanPage(writePgm(p), 150));
    assert.equal(at(out, 2, 2), 255);
    assert.equal(at(out, 6, 2), 0, 'two pixels at 150 dpi are a mark, not a speck');
  });

  it('leaves a clean rendering as it is: fewer than one pixel of dust in 10,000', function () {
    const p = page(200, 100);
    ink(p, 50, 50, 1, 1);
    const bytes = writePgm(p);
    assert.equal(cleanPage(bytes, 300), bytes, 'the same image, not a copy');
    ink(p, 60, 50, 1, 1);
    ink(p, 70, 50, 1, 1);
    assert.equal(readPgm(cleanPage(writePgm(p), 300)).data.indexOf(0), -1, 'three specks in 20,000 pixels: cleaned');
  });

  it('refuses what is not an 8-bit binary PGM, and one shorter than its header', function () {
    assert.throws(() => readPgm(Buffer.from('P2\n2 2\n255\n0 0 0 0')), /not a binary PGM/);
    assert.throws(() => readPgm(Buffer.from('P5\n2 2\n65535\n')), /unsupported PGM header/);
    assert.throws(() => readPgm(Buffer.from('P5\n4 4\n255\nab')), /shorter than its header/);
    const ok = readPgm(Buffer.concat([Buffer.from('P5\n# a comment\n2 1\n255\n'), Buffer.from([0, 255])]));
    assert.deepEqual([ok.width, ok.height, [...ok.data]], [2, 1, [0, 255]]);
  });
});
