/**
 * A count a build can be given in its environment (the tests give small ones, so that the real
 * record exercises what a large record gets): SEARCH_TIER_PARAGRAPHS, THEME_PAGE_PARAGRAPHS,
 * LATEST_VISITS. Unset or empty means the project's own number; anything but a whole number from
 * 1 is refused, naming the setting and the value.
 */
export function countSetting(environment: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const value = environment[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number of at least 1, not "${value}".`);
  return number;
}
