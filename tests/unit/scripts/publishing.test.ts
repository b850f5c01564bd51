/**
 * The documented way to publish (README, "Publishing the site") is the one the repository runs:
 * the GitHub Pages workflow runs the README's own commands, with the address configure-pages gives;
 * and the headers for any static host (_headers, the nginx snippet, the README's copy of it) come
 * from the one list.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseHeadersFile } from '../../../scripts/serve.ts';
import { headersFile, nginxSnippet, SECURITY_HEADERS } from '../../../src/integrations/headers.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string };
  jobs: Record<string, { needs?: string; environment?: { name: string }; steps: Step[] }>;
}

/** The README's section, from its heading to the next heading of the same level. */
async function readmeSection(heading: string): Promise<string> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${heading}"`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The contents of every ```<lang> block in `text`. */
function codeBlocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]!);
}

/** A shell command without the variables set before it: `SITE_URL=x npm run build` -> `npm run build`. */
function withoutAssignments(command: string): string {
  return command.replace(/^(\s*[A-Z_]+=\S*\s+)+/, '').trim();
}

describe('the GitHub Pages workflow', async () => {
  const workflow = parse(await readFile(path.join(repoRoot, '.github/workflows/pages.yml'), 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const uses = (action: string) => steps.find((step) => step.uses?.startsWith(`${action}@`));

  it('runs on a push to main and by hand, one deployment at a time, with the permissions Pages needs', () => {
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency.group).toBeTruthy();
  });

  it('checks out, sets up Node 24, configures Pages, uploads dist/ and deploys it', () => {
    expect(uses('actions/checkout')).toBeDefined();
    expect(String(uses('actions/setup-node')?.with?.['node-version'])).toBe('24');
    expect(uses('actions/configure-pages')?.id).toBeTruthy();
    expect(uses('actions/upload-pages-artifact')?.with?.path).toBe('dist');
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.needs).toBeTruthy();
  });

  it('runs exactly the README’s commands, in its order, and no tests', async () => {
    const readmeCommands = codeBlocks(await readmeSection('Publishing the site'), 'sh')[0]!
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    const runs = steps.filter((step) => step.run !== undefined).map((step) => step.run!.trim());
    expect(runs).toEqual(readmeCommands.map(withoutAssignments));
    expect(readmeCommands.at(-1)).toMatch(/^SITE_URL=https:\/\/\S+ npm run build$/);
    expect(runs.join('\n')).not.toMatch(/npm (run )?test|vitest/);
  });

  it('builds with SITE_URL and BASE_PATH from configure-pages’ base_url and base_path', () => {
    const pages = uses('actions/configure-pages')!;
    const build = steps.find((step) => step.run?.trim() === 'npm run build')!;
    expect(build.env).toEqual({
      SITE_URL: `\${{ steps.${pages.id}.outputs.base_url }}`,
      BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`,
    });
    // configure-pages runs before the build that reads its outputs.
    expect(steps.indexOf(pages)).toBeLessThan(steps.indexOf(build));
  });
});

describe('the headers for a static host', () => {
  /** `add_header Name "value" always;` lines -> name -> value. */
  function nginxHeaders(snippet: string): Record<string, string> {
    return Object.fromEntries([...snippet.matchAll(/^add_header (\S+) "([^"]*)" always;$/gm)].map((match) => [match[1]!, match[2]!]));
  }

  it('gives _headers and the nginx snippet the same headers, from the one list', () => {
    const expected = Object.fromEntries(SECURITY_HEADERS);
    expect(Object.keys(expected)).toContain('Content-Security-Policy');
    expect(parseHeadersFile(headersFile())).toEqual(expected);
    expect(nginxHeaders(nginxSnippet())).toEqual(expected);
    expect(nginxHeaders(nginxSnippet('/inspections/'))).toEqual(expected);
  });

  it('tells nginx how to serve folder pages and the 404 page, under the base path', () => {
    expect(nginxSnippet()).toMatch(/^location \/ \{\n {4}index index\.html;\n {4}try_files \$uri \$uri\/ =404;\n\}\nerror_page 404 \/404\.html;$/m);
    expect(nginxSnippet('/inspections/')).toContain('location /inspections/ {');
    expect(nginxSnippet('/inspections/')).toContain('error_page 404 /inspections/404.html;');
  });

  it('is shown in the README exactly as `npm run headers -- --nginx` prints it', async () => {
    const blocks = codeBlocks(await readmeSection('Publishing the site'), 'nginx');
    expect(blocks).toEqual([nginxSnippet()]);
  });
});
