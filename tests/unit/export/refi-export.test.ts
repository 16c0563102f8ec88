import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toRefiGuid } from '../../../src/export/to-refi-guid.ts';
import { escapeXml } from '../../../src/export/escape-xml.ts';
import { QDC_NAMESPACE, toQdcXml } from '../../../src/export/to-qdc-xml.ts';
import { QDE_NAMESPACE, sourceGuid, toQdeXml } from '../../../src/export/to-qde-xml.ts';
import { toZip } from '../../../src/export/to-zip.ts';
import { makeCodebook } from '../../support/make-codebook.ts';
import { parseXml, walk } from './xml-check.ts';

// The GUID pattern of Codebook.xsd / Project.xsd (REFI-QDA 1.0), without the braced form.
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function codebook() {
  const book = makeCodebook({ tech: { data: ['big data', 'platform*'], infra: ['5G'] }, gov: { plans: ['plan'] } });
  book.themes[0]!.label = 'Technology & "data"';
  book.themes[0]!.codes[0]!.definition = 'Data <and> platforms';
  return book;
}

describe('toRefiGuid', () => {
  it('is a version-5, RFC 4122 variant UUID, the same for the same name and different for another', () => {
    const guid = toRefiGuid('code:tech/data');
    expect(guid).toMatch(GUID);
    expect(guid[14]).toBe('5');
    expect('89ab').toContain(guid[19]);
    expect(toRefiGuid('code:tech/data')).toBe(guid);
    expect(toRefiGuid('code:tech/infra')).not.toBe(guid);
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML cannot hold', () => {
    expect(escapeXml(`a & b < c > "d" 'e'`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
    expect(escapeXml('bell\u0007 and tab\t')).toBe('bell and tab\t');
  });
});

describe('toQdcXml', () => {
  const xml = toQdcXml(codebook(), 'policycoder test');
  const root = parseXml(xml);

  it('is a well-formed CodeBook in the REFI-QDA codebook namespace', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    expect(root.name).toBe('CodeBook');
    expect(root.attributes.xmlns).toBe(QDC_NAMESPACE);
    expect(root.children.map((child) => child.name)).toEqual(['Codes']);
  });

  it('nests codes under uncodable themes, with every required attribute and a GUID derived from the ids', () => {
    const themes = root.children[0]!.children;
    expect(themes.map((theme) => [theme.attributes.name, theme.attributes.isCodable])).toEqual([
      ['Technology & "data"', 'false'],
      ['gov', 'false'],
    ]);
    const codes = themes[0]!.children.filter((child) => child.name === 'Code');
    expect(codes.map((code) => [code.attributes.name, code.attributes.isCodable, code.attributes.guid])).toEqual([
      ['data', 'true', toRefiGuid('code:tech/data')],
      ['infra', 'true', toRefiGuid('code:tech/infra')],
    ]);
    for (const element of walk(root)) {
      if (element.name !== 'Code') continue;
      expect(element.attributes.guid).toMatch(GUID);
      expect(element.attributes.color).toMatch(/^#[0-9A-F]{6}$/);
      // Codebook.xsd sequence: Description first, then child Codes.
      expect(element.children[0]!.name).toBe('Description');
    }
    const description = codes[0]!.children[0]!.text;
    expect(description).toContain('policycoder code: tech/data');
    expect(description).toContain('Definition: Data <and> platforms');
    expect(description).toContain('Dictionary terms: big data; platform*');
  });

  it('gives identical bytes on a second run', () => {
    expect(toQdcXml(codebook(), 'policycoder test')).toBe(xml);
  });
});

describe('toQdeXml', () => {
  const text = 'The 𝔸 big data platform plan.';
  // Code units: T0 h1 e2 ' '3 𝔸4-5 ' '6 b7..data 7-15 ' '15 platform16-24 ' '24 plan25-29 '.'29
  // Code points are one less after the astral 𝔸: big data 6-14, platform 15-23, plan 24-28.
  const sources = [
    {
      id: 'doc-1',
      text,
      segments: [
        { start: 7, end: 15, theme: 'tech', code: 'data' },
        { start: 16, end: 24, theme: 'tech', code: 'data' },
        { start: 25, end: 29, theme: 'gov', code: 'plans' },
      ],
    },
  ];
  const root = parseXml(toQdeXml('test project', 'policycoder test', codebook(), sources));

  it('is a well-formed Project with users, the codebook and one text source per document', () => {
    expect(root.attributes.xmlns).toBe(QDE_NAMESPACE);
    expect(root.children.map((child) => child.name)).toEqual(['Users', 'CodeBook', 'Sources']);
    const source = root.children[2]!.children[0]!;
    expect(source.name).toBe('TextSource');
    expect(source.attributes.guid).toBe(sourceGuid('doc-1'));
    expect(source.attributes.plainTextPath).toBe(`internal://${sourceGuid('doc-1')}.txt`);
  });

  it('writes each coded segment with code-point positions and a CodeRef to the code GUID', () => {
    const selections = root.children[2]!.children[0]!.children;
    const points = [...text];
    expect(selections.map((s) => [s.attributes.startPosition, s.attributes.endPosition, s.attributes.name])).toEqual([
      ['6', '14', 'big data'],
      ['15', '23', 'platform'],
      ['24', '28', 'plan'],
    ]);
    for (const selection of selections) {
      const [start, end] = [Number(selection.attributes.startPosition), Number(selection.attributes.endPosition)];
      expect(points.slice(start, end).join('')).toBe(selection.attributes.name);
    }
    expect(selections[2]!.children[0]!.children[0]!.attributes.targetGUID).toBe(toRefiGuid('code:gov/plans'));
  });
});

describe('toZip', () => {
  it('writes stored entries with correct sizes, CRC-32 and a central directory, identically each time', () => {
    const entries = [
      { name: 'project.qde', data: Buffer.from('<Project/>') },
      { name: 'Sources/é.txt', data: Buffer.from('智慧城市') },
    ];
    const zip = Buffer.from(toZip(entries));
    expect(Buffer.from(toZip(entries)).equals(zip)).toBe(true);
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    expect(zip.readUInt16LE(end + 10)).toBe(2);
    let central = zip.readUInt32LE(end + 16);
    for (const entry of entries) {
      expect(zip.readUInt32LE(central)).toBe(0x02014b50);
      const nameLength = zip.readUInt16LE(central + 28);
      expect(zip.subarray(central + 46, central + 46 + nameLength).toString('utf8')).toBe(entry.name);
      const local = zip.readUInt32LE(central + 42);
      expect(zip.readUInt32LE(local)).toBe(0x04034b50);
      const size = zip.readUInt32LE(local + 18);
      const dataStart = local + 30 + zip.readUInt16LE(local + 26);
      expect(zip.subarray(dataStart, dataStart + size).equals(entry.data)).toBe(true);
      expect(zip.readUInt32LE(local + 14)).toBe(crc32(entry.data) >>> 0);
      central += 46 + nameLength;
    }
  });
});
