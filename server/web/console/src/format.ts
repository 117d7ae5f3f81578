/** A share (0–1) as a whole percentage, as the console shows every share. */
export const pct = (n: number) => `${Math.round(n * 100)} %`;
