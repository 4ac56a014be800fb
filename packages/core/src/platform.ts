// Two web platform functions the core uses, present in every runtime it runs in (Node 20, browsers). The core is
// compiled against plain ES2023, without Node's or the DOM's declarations, so that nothing else of them is used by
// mistake: these two are typed here.

/** A text decoder that takes bytes in pieces (a character split between two pieces is decoded once whole). */
export interface Utf8Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

const platform = globalThis as unknown as {
  structuredClone: <T>(value: T) => T;
  TextDecoder: new (label: 'utf-8') => Utf8Decoder;
};

/** A deep copy of plain data (objects, arrays, maps, sets, typed arrays), shared references kept shared. */
export function deepCopy<T>(value: T): T {
  return platform.structuredClone(value);
}

/** A UTF-8 decoder (a byte order mark at the start is dropped). */
export function newUtf8Decoder(): Utf8Decoder {
  return new platform.TextDecoder('utf-8');
}
