/*
 * A list page's filters live in the address, so the link behind a dashboard number opens the list of
 * exactly that number, and 返回 comes back to it (docs/insights-measures.md, "Where each number leads").
 */

/** Each key's allowed values; `null` takes any non-empty text (a unit id, a day, a search). */
export type AddressFilterSpec = Record<string, readonly string[] | null>;

/** The filters named in the spec, read from the address; an empty or unknown value is left out. */
export function filtersFromAddress<S extends AddressFilterSpec>(
  params: URLSearchParams,
  spec: S,
): Partial<{ [K in keyof S]: S[K] extends readonly (infer V)[] ? V : string }> {
  const out: Record<string, string> = {};
  for (const [key, allowed] of Object.entries(spec)) {
    const v = params.get(key);
    if (v && (allowed === null || allowed.includes(v))) out[key] = v;
  }
  return out as Partial<{ [K in keyof S]: S[K] extends readonly (infer V)[] ? V : string }>;
}

/** The address of these filters: undefined, false and '' are left out. */
export function addressOfFilters(q: Record<string, string | number | boolean | undefined | null>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && v !== null && v !== '' && v !== false) p.set(k, String(v));
  return p;
}
