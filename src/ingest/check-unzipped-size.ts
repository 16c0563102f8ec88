import { inflateRawSync } from 'node:zlib';

/** Why a ZIP archive (a .docx) is not unpacked: it would take more than the budget, or its directory lies. */
export type UnzippedSizeProblem = { tooLarge: number } | { inconsistent: string };

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localHeader: number;
}

/**
 * Whether the parts of the archive that `read` accepts (for a DOCX: the XML that mammoth parses;
 * images are never unpacked) unzip to at most `limitBytes`, checked before a ZIP library unpacks
 * them (mammoth's JSZip holds every part it reads in memory: a DOCX that unzips to 4 GiB took
 * 8.7 GB). The central directory's sizes (ZIP64 included) are added up; then each part is
 * inflated here with its declared size as the most zlib may produce, so a directory that
 * understates a part (a zip bomb) is caught with at most `limitBytes` in memory, one part at a
 * time. Undefined: within budget, or not a ZIP this check can read (the library then says what
 * is wrong).
 */
export function checkUnzippedSize(bytes: Uint8Array, limitBytes: number, read: (name: string) => boolean = () => true): UnzippedSizeProblem | undefined {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(data)?.filter((entry) => read(entry.name));
  if (entries === undefined) return undefined;
  const total = entries.reduce((sum, entry) => sum + entry.uncompressed, 0);
  if (total > limitBytes) return { tooLarge: total };
  for (const entry of entries) {
    const problem = checkEntry(data, entry);
    if (problem) return { inconsistent: problem };
  }
  return undefined;
}

function checkEntry(data: Buffer, entry: ZipEntry): string | undefined {
  if (entry.localHeader + 30 > data.length || data.readUInt32LE(entry.localHeader) !== LOCAL_HEADER)
    return 'a part has no local header where the directory says';
  const start = entry.localHeader + 30 + data.readUInt16LE(entry.localHeader + 26) + data.readUInt16LE(entry.localHeader + 28);
  const compressed = data.subarray(start, start + entry.compressed);
  if (entry.method === STORED) return compressed.length === entry.uncompressed ? undefined : 'a stored part is not the size its directory entry says';
  if (entry.method !== DEFLATED) return undefined;
  try {
    const inflated = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressed) });
    return inflated.length === entry.uncompressed ? undefined : 'a part unzips to another size than its directory entry says';
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'a part unzips to more than its directory entry says' : undefined;
  }
}

/** The central directory's entries, or undefined when there is no readable one. */
function readDirectory(data: Buffer): ZipEntry[] | undefined {
  const end = findEndOfDirectory(data);
  if (end < 0) return undefined;
  let count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const locator = end - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && data.readUInt32LE(locator) === ZIP64_LOCATOR) {
    const zip64End = Number(data.readBigUInt64LE(locator + 8));
    if (zip64End + 56 > data.length || data.readUInt32LE(zip64End) !== ZIP64_END_OF_DIRECTORY) return undefined;
    count = Number(data.readBigUInt64LE(zip64End + 32));
    offset = Number(data.readBigUInt64LE(zip64End + 48));
  }
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const entry: ZipEntry = {
      name: data.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: data.readUInt16LE(offset + 10),
      compressed: data.readUInt32LE(offset + 20),
      uncompressed: data.readUInt32LE(offset + 24),
      localHeader: data.readUInt32LE(offset + 42),
    };
    readZip64Extra(data.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + data.readUInt16LE(offset + 32);
  }
  return entries;
}

/** ZIP64 sizes and offset (extra field 0x0001): present, in this order, for each field that is 0xFFFFFFFF. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 0x0001) continue;
    let field = at + 4;
    const next = (): number | undefined => {
      if (field + 8 > extra.length) return undefined;
      const value = Number(extra.readBigUInt64LE(field));
      field += 8;
      return value;
    };
    if (entry.uncompressed === 0xffffffff) entry.uncompressed = next() ?? entry.uncompressed;
    if (entry.compressed === 0xffffffff) entry.compressed = next() ?? entry.compressed;
    if (entry.localHeader === 0xffffffff) entry.localHeader = next() ?? entry.localHeader;
    return;
  }
}

/** The end-of-central-directory record: in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes). */
function findEndOfDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}
