/**
 * Roughly how many bytes of memory a cached value holds, from its shape: the
 * caches (lru.ts) are bounded by this, so it must follow what a value really
 * keeps alive. Typed arrays count their whole buffer (a subarray keeps its
 * parent alive), once however many views share it; strings their characters;
 * objects, arrays and maps a V8-like header and a slot per field. It walks the
 * value once, when it enters a cache (a million ids take a few milliseconds).
 */
const HEADER = 24;
const SLOT = 8;
const STRING_HEADER = 16;
const VIEW_HEADER = 64;

export function estimateBytes(value: unknown): number {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  let total = 0;
  /** Counts a string and says so; true for anything without fields to walk (functions are skipped). */
  const primitive = (v: unknown): boolean => {
    if (typeof v === 'string') {
      total += STRING_HEADER + v.length;
      return true;
    }
    return v === null || typeof v !== 'object';
  };
  while (stack.length > 0) {
    const v = stack.pop();
    if (primitive(v)) continue;
    const object = v as object;
    if (seen.has(object)) continue;
    seen.add(object);
    if (ArrayBuffer.isView(object)) {
      total += VIEW_HEADER;
      if (!seen.has(object.buffer)) {
        seen.add(object.buffer);
        total += object.buffer.byteLength;
      }
    } else if (object instanceof ArrayBuffer) total += object.byteLength;
    else if (Array.isArray(object)) {
      total += HEADER + SLOT * object.length;
      for (const item of object) if (!primitive(item)) stack.push(item);
    } else if (object instanceof Map) {
      total += HEADER + 3 * SLOT * object.size;
      for (const [k, item] of object) {
        if (!primitive(k)) stack.push(k);
        if (!primitive(item)) stack.push(item);
      }
    } else if (object instanceof Set) {
      total += HEADER + 2 * SLOT * object.size;
      for (const item of object) if (!primitive(item)) stack.push(item);
    } else {
      const keys = Object.keys(object);
      total += HEADER + SLOT * keys.length;
      for (const key of keys) {
        const item = (object as Record<string, unknown>)[key];
        if (!primitive(item)) stack.push(item);
      }
    }
  }
  return total;
}
