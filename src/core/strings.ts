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
  const h = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `${h(0)}.${h(0x9e3779b9)}`;
}
