/**
 * Runs `work` over `items`, at most `limit` at a time, and gives the results in the items' order.
 * The site checks fetch pages this way; the browser gates open pages this way, because a page's
 * axe pass keeps one core busy in Chromium while the test process waits.
 */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
