// Typed arrays as a backup carries them: base64 of their little-endian bytes, whatever the byte order
// of the device that reads or writes them.

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function littleEndianToNative(bytes: Uint8Array, elementSize: number): ArrayBuffer {
  const copy = bytes.slice();
  if (!IS_LITTLE_ENDIAN && elementSize > 1) {
    for (let i = 0; i < copy.length; i += elementSize) copy.subarray(i, i + elementSize).reverse();
  }
  return copy.buffer;
}

export function toBase64(view: ArrayBufferView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const elementSize = 'BYTES_PER_ELEMENT' in view ? (view.BYTES_PER_ELEMENT as number) : 1;
  const ordered = littleEndianToNative(bytes, elementSize);
  const u8 = new Uint8Array(ordered);
  let binary = '';
  // String.fromCharCode takes arguments on the stack: go in slices well below its limit.
  for (let i = 0; i < u8.length; i += 0x8000) binary += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
