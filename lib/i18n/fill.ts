const PLURAL = /\{(\w+), plural, ((?:(?:=\d+|zero|one|two|few|many|other) \{[^{}]*\}\s*)+)\}/g;
const PLURAL_CASE = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g;

/**
 * Fills `{name}` placeholders and ICU plurals, `{count, plural, one {# persona} other
 * {# persone}}` (exact `=n` cases first, then the locale's plural category; `#` is the
 * number), so that no text reads "1 gruppi". Unknown placeholders are left as they are.
 */
export function fill(
  template: string,
  values: Record<string, string | number>,
  locale: string = "it",
): string {
  const rules = new Intl.PluralRules(locale);
  const plurals = template.replace(PLURAL, (match, key: string, body: string) => {
    const value = Number(values[key]);
    if (!(key in values) || Number.isNaN(value)) return match;
    const cases = new Map([...body.matchAll(PLURAL_CASE)].map((c) => [c[1], c[2]]));
    const chosen = cases.get(`=${value}`) ?? cases.get(rules.select(value)) ?? cases.get("other");
    return (chosen ?? "").replace(/#/g, String(value));
  });
  return plurals.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}
