/** `to` (a longer typed array) holding `from`'s values at its start: how a growable column doubles. */
export function widened<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
