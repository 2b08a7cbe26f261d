type Column = Float64Array | Int32Array | Int8Array | Uint8Array;

/**
 * A column of a typed-array table (the due index, the journals) grown to `size`, its values kept:
 * a fresh array of the same kind with the old one copied in.
 */
export function grownCopy<T extends Column>(old: T, size: number): T {
	const fresh = new (old.constructor as new (length: number) => T)(size);
	fresh.set(old);
	return fresh;
}
