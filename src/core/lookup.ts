/**
 * Tables looked up by a name that comes from a filing (an element, an entity, a code, a LaTeX command). A plain
 * object literal inherits `constructor`, `toString`, `__proto__` and the rest from Object.prototype, so a filing
 * that names one of them gets a function back instead of "not found"; a table made here has no prototype. The lint
 * configuration rejects `Record<string, ...>` object literals and `name in object` in src/ for this reason (a Map
 * does as well).
 */
export type NameTable<T> = Readonly<Record<string, T | undefined>>;

/** A null-prototype copy of `entries`: only its own names are in it. */
export function nameTable<T>(entries: { readonly [name: string]: T }): NameTable<T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
