/**
 * The comparison's model (src/lib/compare/): the data's checks, each report's record from its
 * index row and its document's import, England's counts by grade and a council's place in them.
 * On fictional councils; then the committed data files themselves, and (where ../shared is there)
 * the neighbours list against the neighbours folder's index.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readComparisonData, type LatestReport } from '../../../src/lib/compare/data.ts';
import { latestReport, latestReportsData, parseEnglandIndex, sameCouncil, type IndexRow } from '../../../src/lib/compare/from-documents.ts';
import { comparisonPlaces, councilPlace, englandPicture, NO_OVERALL, NO_OVERALL_LABEL, pictureSummary, placeWords } from '../../../src/lib/compare/england-picture.ts';
import { ContentError } from '../../../src/lib/utils/content-problems.ts';
import { parseCsv } from '../../../src/lib/utils/csv.ts';
import { CARE_AND_LEAVERS, CARE_LEAVERS, HELP, IN_CARE, LEADERS } from '../../helpers/ilacs-areas.ts';
import { sharedFile } from '../../helpers/shared.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

const OVERALL = 'Overall effectiveness';

function report(laCode: string, council: string, visitStart: string, judgements: Array<[string, string]>): LatestReport {
  return {
    laCode,
    council,
    file: `${council.toLowerCase().replace(/ /g, '-')}-inspection.pdf`,
    published: `${visitStart.slice(0, 4)}-12-01`,
    officialUrl: `https://files.ofsted.gov.uk/v1/file/${laCode}`,
    visitStart,
    visitEnd: visitStart,
    judgements: judgements.map(([area, grade]) => ({ area, grade })) as LatestReport['judgements'],
  };
}

/** Four fictional councils: two of the 2025 framework, one judged before care leavers were judged apart, one of April 2026's. */
function fixture(): LatestReport[] {
  return [
    report('990', 'Exampleshire', '2025-03-03', [[LEADERS, 'good'], [HELP, 'good'], [IN_CARE, 'good'], [CARE_LEAVERS, 'requires-improvement'], [OVERALL, 'good']]),
    report('991', 'Sampleton', '2022-05-09', [[LEADERS, 'inadequate'], [HELP, 'inadequate'], [CARE_AND_LEAVERS, 'requires-improvement'], [OVERALL, 'inadequate']]),
    report('992', 'Testborough', '2024-10-07', [[LEADERS, 'outstanding'], [HELP, 'good'], [IN_CARE, 'outstanding'], [CARE_LEAVERS, 'good'], [OVERALL, 'outstanding']]),
    report('993', 'Mockford', '2026-05-11', [[LEADERS, 'good'], [HELP, 'requires-improvement'], [IN_CARE, 'good'], [CARE_LEAVERS, 'good']]),
  ];
}

const neighbours = {
  about: 'Fictional.',
  source: { title: 'A fictional model', url: 'https://example.org/model', note: 'Fictional.' },
  council: { laCode: '990', name: 'Exampleshire' },
  neighbours: [
    { laCode: '993', name: 'Mockford' },
    { laCode: '991', name: 'Sampleton' },
  ],
};

const json = (value: unknown) => JSON.stringify(value);
const read = (reports: LatestReport[], list: unknown = neighbours) => readComparisonData(json(latestReportsData(reports)), json(list));

function problemsOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).message;
  }
  throw new Error('expected the data to be refused');
}

describe('the comparison data', () => {
  it('reads fictional data and counts each grade of each area, each count with its councils', () => {
    const picture = englandPicture(read(fixture()).latest);
    expect(picture.councils).toBe(4);
    expect(picture.asAt).toBe('2026-12-01');
    const overall = picture.areas.find((area) => area.series === 'overall')!;
    expect(overall.counts.map((count) => [count.count, count.councils.map((council) => council.council)])).toEqual([
      ['outstanding', ['Testborough']],
      ['good', ['Exampleshire']],
      ['requires-improvement', []],
      ['inadequate', ['Sampleton']],
      [NO_OVERALL, ['Mockford']],
    ]);
    // The 2026 framework: its own count, never a grade, and never on another line.
    expect(overall.counts.at(-1)!.label).toBe(NO_OVERALL_LABEL);
    expect(overall.counts.at(-1)!.councils[0]).toEqual({ laCode: '993', council: 'Mockford', published: '2026-12-01', officialUrl: 'https://files.ofsted.gov.uk/v1/file/993' });
    for (const area of picture.areas.filter((line) => line.series !== 'overall')) {
      expect(area.counts.map((count) => count.count)).toEqual(['outstanding', 'good', 'requires-improvement', 'inadequate']);
      expect(area.counts.reduce((sum, count) => sum + count.councils.length, 0)).toBe(4);
    }
    expect(pictureSummary(picture)[0]).toBe(`Overall effectiveness: 1 outstanding, 1 good, 0 requires improvement to be good, 1 inadequate, 1 no overall judgement (the framework from April 2026)`);
  });

  it('counts a joint judgement of children in care and care leavers on both lines, with the area in its own words', () => {
    const picture = englandPicture(read(fixture()).latest);
    for (const series of ['children-in-care', 'care-leavers']) {
      const line = picture.areas.find((area) => area.series === series)!;
      const ri = line.counts.find((count) => count.count === 'requires-improvement')!;
      expect(ri.councils.find((council) => council.laCode === '991')?.area).toBe(CARE_AND_LEAVERS);
    }
  });

  it('gives a council’s place, and its neighbours’, in the counts', () => {
    const { council, neighbours: places } = comparisonPlaces(read(fixture()));
    expect(council.council).toBe('Exampleshire');
    expect(council.areas.find((area) => area.series === 'care-leavers')).toEqual({
      series: 'care-leavers',
      count: 'requires-improvement',
      label: 'Requires improvement to be good',
      area: CARE_LEAVERS,
      sharedWith: 2,
      better: 2,
      worse: 0,
      total: 4,
    });
    // Good overall: one council judged outstanding above it, one inadequate below, and Mockford, with no overall judgement, neither.
    expect(council.areas[0]).toMatchObject({ count: 'good', sharedWith: 1, better: 1, worse: 1, total: 4 });
    expect(places.map((place) => place.council)).toEqual(['Mockford', 'Sampleton']);
    expect(places[0]!.areas[0]).toEqual({ series: 'overall', count: NO_OVERALL, label: NO_OVERALL_LABEL, sharedWith: 1, total: 4 });
    expect(() => councilPlace(englandPicture(read(fixture()).latest), '999')).toThrow(/council 999/);
  });

  it('refuses a judgement area it does not know (a future framework), naming the file and the area', () => {
    const reports = fixture();
    reports[3]!.judgements.push({ area: 'The effectiveness of family help', grade: 'good' });
    const message = problemsOf(() => read(reports));
    expect(message).toContain('content/england/latest-reports.json');
    expect(message).toContain('“The effectiveness of family help”');
    expect(message).toContain('AREA_SERIES');
  });

  it('refuses a council code in the neighbours list that matches no report, naming the file and the code', () => {
    const message = problemsOf(() => read(fixture(), { ...neighbours, neighbours: [...neighbours.neighbours, { laCode: '994', name: 'Nowhere' }] }));
    expect(message).toContain('content/england/statistical-neighbours.json: council code 994 (Nowhere) matches no report');
  });

  it('refuses an overall judgement filled in under the 2026 framework, and a missing one before it', () => {
    const filled = fixture();
    filled[3]!.judgements.push({ area: OVERALL, grade: 'good' });
    expect(problemsOf(() => read(filled))).toMatch(/Mockford.*has an overall effectiveness judgement, but its inspection began on 2026-05-11/);
    const dropped = fixture();
    dropped[0]!.judgements.pop();
    expect(problemsOf(() => read(dropped))).toMatch(/Exampleshire.*has no overall effectiveness judgement, though its inspection began on 2025-03-03/);
  });

  it('refuses two reports of one council, and a report missing an area', () => {
    const twice = fixture();
    twice.push({ ...twice[0]!, file: 'exampleshire-again.pdf' });
    expect(problemsOf(() => read(twice))).toContain('council code 990 has two reports');
    const short = fixture();
    short[2]!.judgements.splice(1, 1);
    expect(problemsOf(() => read(short))).toContain('has no judgement of help-and-protection');
  });
});

describe('a report’s record from its index row and its document', () => {
  const row: IndexRow = { file: 'mockford-2026-07-07-inspection.pdf', council: 'Mockford', laCode: '993', published: '2026-07-07', officialUrl: 'https://files.ofsted.gov.uk/v1/file/993', framework: 'standard' };
  const facts = {
    kind: 'inspection',
    authority: 'Mockford',
    visitStart: '2026-05-11',
    visitEnd: '2026-05-22',
    judgements: [
      { area: LEADERS, grade: 'good' },
      { area: HELP, grade: 'good' },
      { area: IN_CARE, grade: 'good' },
      { area: CARE_LEAVERS, grade: 'outstanding' },
    ],
  };

  it('keeps the judgements as read, and fills in no overall judgement', () => {
    const { report: record, problems } = latestReport(row, facts, 'england/mockford.pdf');
    expect(problems).toEqual([]);
    expect(record).toEqual({ ...row, visitStart: '2026-05-11', visitEnd: '2026-05-22', judgements: facts.judgements });
  });

  it('names the file and what disagrees: another council, no judgements, dates after publication', () => {
    expect(latestReport(row, { ...facts, authority: 'North Mockford' }, 'england/mockford.pdf').problems[0]!.message).toBe('is about North Mockford, but index.csv gives it to Mockford (993).');
    const none = latestReport(row, { ...facts, judgements: [] }, 'england/mockford.pdf');
    expect(none.report).toBeUndefined();
    expect(none.problems[0]).toMatchObject({ file: 'england/mockford.pdf', message: 'no judgement was read from it.' });
    expect(latestReport({ ...row, published: '2026-05-20' }, facts, 'england/mockford.pdf').problems[0]!.message).toMatch(/ended on 2026-05-22, after the publication date/);
    expect(latestReport(row, { ...facts, kind: 'focused-visit' }, 'england/mockford.pdf').problems[0]!.message).toMatch(/not an inspection report/);
  });

  it('compares the DfE’s and Ofsted’s names of a council by the words that name the place', () => {
    expect(sameCouncil('Bristol, City of', 'Bristol')).toBe(true);
    expect(sameCouncil('Hammersmith and Fulham', 'London Borough of Hammersmith & Fulham')).toBe(true);
    expect(sameCouncil('East Riding of Yorkshire', 'East Riding')).toBe(true);
    expect(sameCouncil('St. Helens', 'St Helens')).toBe(true);
    expect(sameCouncil('City of London', 'City of London')).toBe(true);
    expect(sameCouncil('Herefordshire', 'Herefordshire Council')).toBe(true);
    expect(sameCouncil('North Somerset', 'Somerset')).toBe(false);
    expect(sameCouncil('Somerset', 'North Somerset')).toBe(false);
    expect(sameCouncil('Leicester', 'Leicestershire')).toBe(false);
    expect(sameCouncil('City of London', 'Camden')).toBe(false);
  });

  it('reads the index, and refuses a row it cannot use, naming its line', () => {
    const header = 'file,council,la_code,published,official_url,framework\n';
    const { rows, problems } = parseEnglandIndex(`${header}mockford-2026-07-07-inspection.pdf,Mockford,993,2026-07-07,https://files.ofsted.gov.uk/v1/file/993,\n`, 'index.csv');
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ ...row, framework: undefined }]);
    const bad = parseEnglandIndex(`${header}a.pdf,A,993,2026-07-07,https://x.org/1,short\nb.pdf,B,993,2026-07-07,https://x.org/2,short\nc.pdf,C,99,2026-07,http://x.org/3,long\n`, 'index.csv');
    expect(bad.problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      '3: la_code 993 is given to both a.pdf and b.pdf.',
      '4: c.pdf: la_code “99” is not a DfE local authority code (three digits).',
      '4: c.pdf: published “2026-07” is not a date (YYYY-MM-DD).',
      '4: c.pdf: official_url “http://x.org/3” is not an https:// address.',
      '4: c.pdf: framework “long” is neither standard nor short.',
    ]);
    expect(parseEnglandIndex('file,council\n', 'index.csv').problems[0]!.message).toBe('has no column la_code, published, official_url, framework.');
  });
});

const committed = readComparisonData(
  await readFile(path.join(repoRoot, 'content/england/latest-reports.json'), 'utf8'),
  await readFile(path.join(repoRoot, 'content/england/statistical-neighbours.json'), 'utf8'),
);

describe('the committed data (content/england/)', () => {
  const data = committed;

  it('passes every check, with one report per council, sorted by DfE code', () => {
    const codes = data.latest.reports.map((entry) => entry.laCode);
    expect(codes).toEqual([...codes].sort());
    expect(data.neighbours.neighbours).toHaveLength(10);
  });

  it('agrees with Herefordshire’s own report on this site: dates, judgements and official address', async () => {
    const hereford = data.latest.reports.find((entry) => entry.laCode === data.neighbours.council.laCode)!;
    const slug = `${hereford.visitStart.slice(0, 7)}-inspection`;
    const mdx = await readFile(path.join(repoRoot, 'content/reports', `${slug}.mdx`), 'utf8');
    const frontmatter = parse(/^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!) as { visitStart: string; visitEnd: string; published: string; judgements: unknown[]; sources: Array<{ url?: string }> };
    expect(hereford).toMatchObject({ visitStart: frontmatter.visitStart, visitEnd: frontmatter.visitEnd, published: frontmatter.published, judgements: frontmatter.judgements });
    expect(frontmatter.sources.map((source) => source.url)).toContain(hereford.officialUrl);
  });
});

const neighboursIndex = sharedFile('sources', 'neighbours', 'index.csv');

describe.skipIf(neighboursIndex === undefined)('the statistical neighbours, against ../shared/sources/neighbours', () => {
  it('are the councils of its index.csv, in its order (the model’s, closest first, as its README says), with their codes', async () => {
    const listed: Array<{ laCode: string; name: string }> = [];
    for (const row of parseCsv(await readFile(neighboursIndex!, 'utf8'))) {
      if (!listed.some((council) => council.laCode === row.la_code)) listed.push({ laCode: row.la_code!, name: row.council! });
    }
    expect(committed.neighbours.neighbours).toEqual(listed);
    const readme = await readFile(path.join(path.dirname(neighboursIndex!), 'README.md'), 'utf8');
    expect(readme.replace(/\s+/g, ' ')).toContain(`Herefordshire (local authority code ${committed.neighbours.council.laCode}): ${listed.slice(0, -1).map((council) => council.name).join(', ')} and ${listed.at(-1)!.name}, in the model's order (closest first)`);
  });
});

describe('placeWords', () => {
  it('says a council’s place on each line in words, with the councils that have no overall judgement', async () => {
    const data = readComparisonData(
      await readFile(path.join(repoRoot, 'content/england/latest-reports.json'), 'utf8'),
      await readFile(path.join(repoRoot, 'content/england/statistical-neighbours.json'), 'utf8'),
    );
    const { council, neighbours } = comparisonPlaces(data);
    expect(placeWords(council.areas[0]!)).toBe('one of 61 councils of England’s 153 judged good: 46 are judged better and 35 worse; 11 have no overall judgement (the framework from April 2026).');
    expect(placeWords(council.areas.at(-1)!)).toBe('one of 60 councils of England’s 153 judged outstanding: none is judged better and 93 worse.');
    const lancashire = neighbours.find((place) => place.council === 'Lancashire')!;
    expect(placeWords(lancashire.areas[0]!)).toBe('one of 11 councils of England’s 153 whose latest report, under the framework from April 2026, gives no overall judgement; the others’ reports give one.');
    const staffordshire = neighbours.find((place) => place.council === 'Staffordshire')!;
    expect(placeWords(staffordshire.areas[0]!)).toMatch(/^one of 24 councils of England’s 153 judged to require improvement to be good: 107 are judged better and 11 worse; 11 have no overall/);
  });
});
