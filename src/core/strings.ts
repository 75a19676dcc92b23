/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps the whole parent string of a
 * slice (13 characters or more) alive; what outlives a filing (findings of a folder scan, chain summaries) is
 * copied out with this so the filing's text can be collected.
 */
export function detached(s: string): string {
  return s.length > 12 ? (' ' + s).slice(1) : s;
}
