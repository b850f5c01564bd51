/**
 * A neighbour's report file from its document (`npm run neighbours`, scripts/neighbours.ts): the
 * importer's MDX, Ofsted's words and paragraph numbers with the importer's suggested themes, under
 * frontmatter made from what the importer read and the folder's index row (the council as the DfE
 * names it, its code, the publication date and the official address). Pure: the command reads the
 * files, runs the importer and writes the folder.
 *
 * The checks are the England command's (src/lib/compare/from-documents.ts): an inspection report,
 * of the council its row names, inspected before it was published; and the frontmatter must be
 * what the build accepts (neighbourReportSchema), so an import never writes a file the build refuses.
 */
import { neighbourReportSchema, type NeighbourReportData } from '../record/schema.ts';
import { sameCouncil, type IndexRow } from '../compare/from-documents.ts';
import { frontmatterYaml } from '../importer/mdx.ts';
import type { ImportResult } from '../importer/index.ts';
import type { ContentProblem } from '../utils/content-problems.ts';
import { councilSlug } from './reports.ts';

export interface NeighbourFile {
  /** Relative to the neighbours folder: `<council>/<slug>.mdx`. */
  path: string;
  text: string;
  data: NeighbourReportData;
}

const ROW_FIX = 'check the file is the council’s inspection report and its row in index.csv is right (or make the importer read it right: npm run import -- <file> --stdout), then run the command again';

/** The report file of one document, or what makes the document and its index row disagree. */
export function neighbourFile(row: IndexRow, imported: ImportResult, documentFile: string): { file?: NeighbourFile; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const add = (message: string) => problems.push({ file: documentFile, message, fix: ROW_FIX });
  // Only the 2014-18 reports print their publication date; the importer then gives it.
  const facts: ImportResult['frontmatter'] & { published?: string } = imported.frontmatter;
  if (facts.kind !== 'inspection') add(`is a ${facts.kind} letter, not an inspection report.`);
  if (!sameCouncil(row.council, facts.authority)) add(`is about ${facts.authority}, but index.csv gives it to ${row.council} (${row.laCode}).`);
  const visitEnd = facts.visitEnd ?? facts.visitStart;
  if (visitEnd > row.published) add(`its inspection ended on ${visitEnd}, after the publication date index.csv gives (${row.published}).`);
  if (facts.published !== undefined && facts.published !== row.published) add(`says it was published on ${facts.published}, but index.csv says ${row.published}.`);
  if ((facts.judgements ?? []).length === 0) add('no judgement was read from it.');
  else if (imported.missing.includes('judgements')) add('its judgement table was read only in part.');
  if (problems.length > 0) return { problems };

  // In the order of a Herefordshire report's frontmatter, with the council's code after its name.
  const frontmatter: Record<string, unknown> = {
    title: facts.title,
    kind: 'inspection',
    authority: row.council,
    laCode: row.laCode,
    visitStart: facts.visitStart,
    visitEnd: facts.visitEnd,
    published: row.published,
    copyrightYear: facts.copyrightYear,
    inspectors: facts.inspectors,
    judgements: facts.judgements,
    framework: row.framework,
    text: 'full',
    paragraphNumbers: facts.paragraphNumbers,
    sources: [{ title: 'Ofsted: the inspection report (PDF)', url: row.officialUrl }],
  };
  for (const key of Object.keys(frontmatter)) if (frontmatter[key] === undefined) delete frontmatter[key];
  const parsed = neighbourReportSchema.safeParse(frontmatter);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(`${issue.path.join('.')}: ${issue.message}`);
    return { problems };
  }
  const body = imported.mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return {
    file: { path: `${councilSlug(row.council)}/${imported.slug}.mdx`, text: `---\n${frontmatterYaml(frontmatter)}---\n${body}`, data: parsed.data },
    problems: [],
  };
}
