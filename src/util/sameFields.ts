/**
 * Same keys in the same order with the same values: one record may stand for the other (shared instead of copied),
 * byte for byte when written.
 */
export function sameFields(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  return keys.length === other.length && keys.every((key, i) => key === other[i] && a[key] === b[key]);
}
