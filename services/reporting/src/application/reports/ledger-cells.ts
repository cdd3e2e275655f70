/**
 * A ledger entry's finest cells written as a product of field values (ADR 0056): ids `a|b|c` for every a, b and c of
 * three lists. An annual report's cells are such products (the year, every quarter, one theme, every relation, …),
 * so a publication stores a few dozen values per cell instead of thousands of ids. Lossless both ways: a list is
 * written as a product only when the product expands to exactly that list.
 */

/** The product that expands to exactly these ids (sorted or not), or undefined when they are no product. */
export function productOf(ids: readonly string[]): string[][] | undefined {
  if (ids.length === 0) return undefined;
  const fields = ids[0].split('|').length;
  const values = Array.from({ length: fields }, () => new Set<string>());
  for (const id of ids) {
    const parts = id.split('|');
    if (parts.length !== fields) return undefined;
    parts.forEach((part, i) => values[i].add(part));
  }
  const product = values.map((set) => [...set].sort());
  const expanded = expand(product);
  const sorted = [...ids].sort();
  return expanded.length === sorted.length && expanded.every((id, i) => id === sorted[i]) ? product : undefined;
}

/**
 * Every id of the product, in code-unit order. The same product gives the same (shared, never changed) list, so
 * disclosure control recognises a ledger cell it has seen; a few hundred distinct products are kept.
 */
export function cellsOfProduct(product: readonly (readonly string[])[]): readonly string[] {
  const key = JSON.stringify(product);
  const found = expanded.get(key);
  if (found) return found;
  if (expanded.size >= PRODUCTS_KEPT) expanded.clear();
  const cells = expand(product);
  expanded.set(key, cells);
  return cells;
}
const expanded = new Map<string, readonly string[]>();
const PRODUCTS_KEPT = 4_096;

function expand(product: readonly (readonly string[])[]): string[] {
  let ids = [''];
  product.forEach((values, field) => {
    ids = ids.flatMap((prefix) => values.map((value) => (field === 0 ? value : `${prefix}|${value}`)));
  });
  if (product.length === 0 || product.some((values) => values.length === 0)) return [];
  return ids.sort();
}
