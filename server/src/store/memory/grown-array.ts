/** Typed arrays the memory indexes grow as ids are added. */
export type GrowableArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** A copy of `array` of the same element type with room for `size` items (the new slots are zero). */
export function grownTo<T extends GrowableArray>(array: T, size: number): T {
  const grown = new (array.constructor as new (length: number) => T)(size);
  grown.set(array);
  return grown;
}
