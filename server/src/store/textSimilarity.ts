import { stemmer } from 'stemmer';

// Words that say nothing about what is asked (English; questions to L1 are written in it here).
const STOP = new Set(
  'a an and are as at be been but by can could did do does for from has have how i if in into is it its me my of on or our please so than that the their them then there these they this to was we were what when where which who why will with would you your yes no any some there'.split(
    ' ',
  ),
);

/** The stemmed content words of a text: "Which browsers does it fail in?" → ["browser", "fail"]. */
export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w)).map((w) => stemmer(w));
}

type Vector = Map<string, number>;

/** TF-IDF vectors (unit length) for a set of texts, weighted over that set. */
export function vectors(texts: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  return texts.map((t) => {
    const v: Vector = new Map();
    for (const w of t) v.set(w, (v.get(w) ?? 0) + 1);
    let norm = 0;
    for (const [w, tf] of v) {
      const weight = tf * (Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1);
      v.set(w, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small) dot += x * (large.get(w) ?? 0);
  return dot;
}
