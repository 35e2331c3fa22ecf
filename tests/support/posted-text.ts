/**
 * A hostile value as a browser would post it: text. A value without a usable toString
 * (fast-check's `{ toString: 0 }`) is posted as its tag, instead of failing in the test.
 */
export function postedText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
