/**
 * Reading CSV: the open data's own files (written by src/lib/publish/open-data.ts) in the tests, and the
 * tables that come with public collections of Ofsted documents (the sweep, the England index).
 */

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (field += '"'), index++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field), (field = '');
      rows.push(row), (row = []);
    } else field += char;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  const [head, ...body] = rows.filter((cells) => cells.some((cell) => cell !== ''));
  if (!head) return [];
  return body.map((cells) => Object.fromEntries(head.map((name, index) => [name, cells[index] ?? ''])));
}
