/**
 * Tables keyed by names read from source text. A plain object literal would answer
 * `TABLE["constructor"]` or `TABLE["toString"]` from `Object.prototype`, and code naming a
 * variable `constructor` would then crash a rule; a table made here has no prototype, so
 * every name it does not list is `undefined` (which `noUncheckedIndexedAccess` makes every
 * caller handle).
 */
export function lookup<V>(entries: Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V>, entries));
}

/** A table of tables (module → export → entry), both levels without a prototype. */
export function lookup2<V>(entries: Readonly<Record<string, Readonly<Record<string, V>>>>): Readonly<Record<string, Readonly<Record<string, V>>>> {
  const out: Record<string, Readonly<Record<string, V>>> = {};
  for (const [key, inner] of Object.entries(entries)) out[key] = lookup(inner);
  return lookup(out);
}
