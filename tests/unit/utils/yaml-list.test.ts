import { describe, expect, it } from 'vitest';
import { parseYamlList } from '../../../src/lib/utils/yaml-list.ts';
import { themeSchema } from '../../../src/lib/record/schema.ts';

describe('parseYamlList', () => {
  it('reads entries with the line each starts on', () => {
    const { items, problems } = parseYamlList('# comment\n- id: a\n  label: A\n  description: The a.\n- id: b\n  label: B\n  description: The b.\n', 'content/themes.yaml', themeSchema);
    expect(problems).toEqual([]);
    expect(items.map((item) => [item.id, item.line])).toEqual([['a', 2], ['b', 5]]);
  });

  it('fails a duplicate id, naming both lines and the fix', () => {
    const { problems } = parseYamlList('- id: a\n  label: A\n  description: x\n- id: a\n  label: Again\n  description: y\n', 'content/themes.yaml', themeSchema);
    expect(problems).toEqual([
      {
        file: 'content/themes.yaml',
        line: 4,
        message: 'duplicate id "a" (first used on line 1).',
        fix: 'give each entry its own id; ids are permanent, so rename the new one.',
      },
    ]);
  });

  it('fails a missing field and unreadable YAML, with lines', () => {
    const missing = parseYamlList('- id: a\n  label: A\n', 'content/themes.yaml', themeSchema);
    expect(missing.problems[0]).toMatchObject({ line: 1 });
    expect(missing.problems[0]?.message).toMatch(/^field "description"/);
    const broken = parseYamlList('- id: a\n  label: [unclosed\n', 'content/themes.yaml', themeSchema);
    expect(broken.problems[0]?.message).toMatch(/cannot be read/);
    expect(broken.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });
});
