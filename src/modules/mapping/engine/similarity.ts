/**
 * Small string-similarity measures used to score name pairs. All are symmetric in their arguments,
 * which keeps matchAccounts(a, b) the mirror of matchAccounts(b, a).
 */

/** Scratch match flags for jaroWinkler (names are short; longer strings get their own arrays). */
const matchedA = new Uint8Array(128);
const matchedB = new Uint8Array(128);

/** Jaro-Winkler similarity (0..1), prefix bonus up to 4 characters with the standard 0.1 scale. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = a.length <= matchedA.length ? matchedA.fill(0, 0, a.length) : new Uint8Array(a.length);
  const bMatched = b.length <= matchedB.length ? matchedB.fill(0, 0, b.length) : new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j += 1) {
      if (bMatched[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (aMatched[i] !== 1) continue;
    while (bMatched[k] !== 1) k += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient over character trigrams (multiset), 0..1. */
export function trigramDice(a: string, b: string): number {
  if (a === b) return 1;
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of left) {
    shared += Math.min(count, right.get(gram) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Typos may only bridge long alphabetic words: "ii"/"iii" or "2029"/"2028" name different entities. */
function tokensAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || /\d/.test(a) || /\d/.test(b)) return false;
  // Greedy Jaro matching can depend on argument order; a canonical order keeps this symmetric.
  return (a < b ? jaroWinkler(a, b) : jaroWinkler(b, a)) >= 0.93;
}

/**
 * Token-set Jaccard where long words within a small typo distance count as equal. Greedy in a fixed
 * order over the sorted token lists so the result does not depend on argument order.
 */
export function softTokenJaccard(a: readonly string[], b: readonly string[]): number {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  if (left.length === 0 && right.length === 0) return 1;
  const [outer, inner] = left.join(" ") <= right.join(" ") ? [left, right] : [right, left];
  const used = new Array<boolean>(inner.length).fill(false);
  let shared = 0;
  for (const token of outer) {
    let found = inner.indexOf(token);
    if (found < 0 || used[found])
      found = inner.findIndex((other, at) => !used[at] && tokensAgree(token, other));
    if (found >= 0) {
      used[found] = true;
      shared += 1;
    }
  }
  return shared / (left.length + right.length - shared);
}
