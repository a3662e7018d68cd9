// "Did you mean": trigram similarity (Dice coefficient over padded, case-folded trigrams), which
// forgives typos, swapped parts and missing dashes (SKU42 ~ SKU-42) and costs O(length) per candidate.

export type Match = { value: string; score: number };

const MIN_SCORE = 0.3;

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('ru')
    .replace(/[\s\-_./]+/g, ' ')
    .trim();
}

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = Array.from(`  ${normalize(text)} `);
  for (let i = 0; i + 3 <= chars.length; i++) {
    const gram = chars.slice(i, i + 3).join('');
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

export function similarity(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let common = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const [gram, n] of gb) {
    total += n;
    common += Math.min(n, ga.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}

/** Up to k candidates most like the query, best first; none below a floor of plausibility. */
export function closestMatches(query: string, candidates: readonly string[], k: number): Match[] {
  if (k <= 0 || !normalize(query)) return [];
  const seen = new Set<string>();
  const scored: Match[] = [];
  for (const value of candidates) {
    if (seen.has(value)) continue;
    seen.add(value);
    const score = similarity(query, value);
    if (score >= MIN_SCORE) scored.push({ value, score: Math.round(score * 1000) / 1000 });
  }
  scored.sort((a, b) => b.score - a.score || a.value.localeCompare(b.value));
  return scored.slice(0, k);
}
