import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toEvidenceCsv, toEvidenceCsvChunks } from '../../../src/report/to-evidence-csv.ts';
import { writeReports } from '../../../src/report/write-reports.ts';
import type { DocumentResult, EvidenceRow } from '../../../src/types.ts';

const row = (document: string, matched: string, left = ''): EvidenceRow => ({
  document,
  theme: 't',
  code: 'c',
  term: matched,
  matched,
  start: 0,
  end: matched.length,
  page: null,
  line: 1,
  column: 1,
  sentence: 1,
  paragraph: 1,
  left,
  right: '',
});
const results = [
  { evidence: [row('a', 'data'), row('a', 'big\ndata', 'say "x"')] },
  { evidence: [] },
  { evidence: [row('c', '数据')] },
] as unknown as DocumentResult[];

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('evidence.csv in pieces', () => {
  it('is the header, then one piece per document with rows, which joined make evidence.csv', () => {
    const header = 'document,theme,code,term,matched,page,line,column,sentence,paragraph,start,end,left,right\n';
    expect([...toEvidenceCsvChunks(results)]).toEqual([
      header,
      'a,t,c,data,data,,1,1,1,1,0,4,,\na,t,c,"big\ndata","big\ndata",,1,1,1,1,0,8,"say ""x""",\n',
      'c,t,c,数据,数据,,1,1,1,1,0,2,,\n',
    ]);
    expect([...toEvidenceCsvChunks(results)].join('')).toBe(toEvidenceCsv(results));
    expect([...toEvidenceCsvChunks([])]).toEqual([header]);
  });

  it('writeReports writes a file given in pieces one piece after the other', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'policycoder-chunks-'));
    folders.push(folder);
    const made: string[] = [];
    function* pieces() {
      for (const piece of ['a\n', 'b', 'c\n', '数据\n']) {
        made.push(piece);
        yield piece;
      }
    }
    const lazy = pieces();
    expect(made).toEqual([]); // nothing is made before it is written
    await writeReports(path.join(folder, 'out'), { 'evidence.csv': lazy, 'x.csv': 'x\n' });
    expect(await readFile(path.join(folder, 'out/evidence.csv'), 'utf8')).toBe('a\nbc\n数据\n');
  });
});
