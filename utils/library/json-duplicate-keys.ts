/**
 * JSON.parse keeps the last of two equal keys in an object and says nothing, so a file with
 * `{"body": "a", "body": "b"}` would import one of two texts silently. This scan finds the first
 * duplicated key. It expects text that JSON.parse has already accepted (it does not re-validate).
 */

/** Where a duplicated key sits: the path of the object holding it, and the key. */
export interface DuplicateKey {
  path: (string | number)[];
  key: string;
}

type Frame =
  | { kind: 'object'; keys: Set<string>; key: string; expectKey: boolean }
  | { kind: 'array'; index: number };

/** The first duplicated object key in valid JSON text, or null when every key is unique. */
export function findDuplicateKey(json: string): DuplicateKey | null {
  const stack: Frame[] = [];
  let i = 0;
  while (i < json.length) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = endOfString(json, i);
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        const raw = json.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end)) as string) : raw;
        if (top.keys.has(key)) return { path: pathOf(stack), key };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === 0x7b /* { */)
      stack.push({ kind: 'object', keys: new Set(), key: '', expectKey: true });
    else if (c === 0x5b /* [ */) stack.push({ kind: 'array', index: 0 });
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.index++;
    }
    i++;
  }
  return null;
}

/** Index just past the closing quote of the string starting at `start`. */
function endOfString(json: string, start: number): number {
  let j = start + 1;
  while (j < json.length) {
    const c = json.charCodeAt(j);
    if (c === 0x5c /* \ */) j += 2;
    else if (c === 0x22) return j + 1;
    else j++;
  }
  return j;
}

function pathOf(stack: readonly Frame[]): (string | number)[] {
  // Every frame but the innermost contributes where we are inside it; the innermost is the object
  // that holds the duplicate.
  return stack.slice(0, -1).map((f) => (f.kind === 'object' ? f.key : f.index));
}
