/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps the whole parent string of a
 * slice (13 characters or more) alive; what outlives a filing (findings of a folder scan, chain summaries) is
 * copied out with this so the filing's text can be collected.
 */
export function detached(s: string): string {
  return s.length > 12 ? (' ' + s).slice(1) : s;
}

/**
 * A 106-bit digest of a string (two 53-bit cyrb53 hashes), for keys only compared for equality: a holding's key
 * holds the text of its footnotes, a filing's signature all its rows, and a folder keeps thousands of them.
 */
export function digest(s: string): string {
  // Both hashes in one pass over the text (the keys it digests run to thousands of characters).
  const seed = 0x9e3779b9;
  let a1 = 0xdeadbeef;
  let a2 = 0x41c6ce57;
  let b1 = 0xdeadbeef ^ seed;
  let b2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a1 = Math.imul(a1 ^ c, 2654435761);
    a2 = Math.imul(a2 ^ c, 1597334677);
    b1 = Math.imul(b1 ^ c, 2654435761);
    b2 = Math.imul(b2 ^ c, 1597334677);
  }
  return `${finish(a1, a2)}.${finish(b1, b2)}`;
}

/**
 * cyrb53's final mix of its two 32-bit states into 53 bits, in base 36: the top 21 bits, then the low 32 as two
 * 16-bit parts of four digits each (fixed width, so the string stays one-to-one with the value). Each part is a small
 * integer: a 53-bit number written in base 36 took V8 a floating-point division per digit, and this was 2% of a
 * folder check's CPU.
 */
function finish(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const low = h1 >>> 0;
  return `${(2097151 & h2).toString(36)}${(low >>> 16).toString(36).padStart(4, '0')}${(low & 0xffff).toString(36).padStart(4, '0')}`;
}

/**
 * `fn` with its results kept for short inputs: the keys of the running tally normalize the same security titles
 * and footnote texts many times over a filing, and across a folder ("Common Stock"). The store is bounded (it
 * starts over when full) and holds detached copies of its keys, never a filing's whole text.
 */
export function memoizeShort(fn: (s: string) => string, maxLength = 200, maxEntries = 4096): (s: string) => string {
  let store = new Map<string, string>();
  return (s: string) => {
    if (s.length > maxLength) return fn(s);
    const hit = store.get(s);
    if (hit !== undefined) return hit;
    const out = fn(s);
    if (store.size >= maxEntries) store = new Map();
    store.set(detached(s), detached(out));
    return out;
  };
}
