import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkUnzippedSize } from '../../../src/ingest/check-unzipped-size.ts';
import { zipStored } from './make-docx.ts';

/**
 * A ZIP of one deflated part whose central directory declares `declared` uncompressed bytes,
 * in ZIP64 form (sizes 0xFFFFFFFF and an extra field 0x0001) when `zip64`. Written here for the test.
 */
function zipDeclaring(name: string, data: Uint8Array, declared: number, zip64: boolean): Uint8Array {
  const compressed = deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const extra = Buffer.alloc(zip64 ? 20 : 0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(declared), 4);
    extra.writeBigUInt64LE(BigInt(compressed.length), 12);
  }
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(zip64 ? 0xffffffff : compressed.length, 20);
  central.writeUInt32LE(zip64 ? 0xffffffff : declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(extra.length, 30);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length + extra.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, compressed, central, nameBytes, extra, end]);
}

const MB = 1024 * 1024;
const xml = (bytes: number) => new Uint8Array(bytes).fill(0x61);

describe('checkUnzippedSize (issue 14, item 9: a DOCX that unzips to 4 GiB took 8.7 GB)', () => {
  it('passes an archive within the budget, stored or deflated', () => {
    expect(checkUnzippedSize(zipStored([['word/document.xml', xml(1000)]]), MB)).toBeUndefined();
    expect(checkUnzippedSize(zipDeclaring('word/document.xml', xml(1000), 1000, false), MB)).toBeUndefined();
  });

  it('refuses by the declared sizes, before unpacking: 2 MB of XML against 1 MB', () => {
    expect(checkUnzippedSize(zipDeclaring('word/document.xml', xml(2 * MB), 2 * MB, false), MB)).toEqual({ tooLarge: 2 * MB });
  });

  it('reads ZIP64 sizes: a part declared as 4 GiB', () => {
    expect(checkUnzippedSize(zipDeclaring('word/document.xml', xml(1000), 4 * 1024 * MB, true), 256 * MB)).toEqual({ tooLarge: 4 * 1024 * MB });
  });

  it('catches a directory that understates a part (a zip bomb): 2 MB declared as 100 bytes', () => {
    expect(checkUnzippedSize(zipDeclaring('word/document.xml', xml(2 * MB), 100, false), MB)).toEqual({
      inconsistent: 'a part unzips to more than its directory entry says',
    });
  });

  it('counts only the parts it is told to: images are never unpacked', () => {
    const zip = zipStored([
      ['word/media/image1.png', xml(2 * MB)],
      ['word/document.xml', xml(1000)],
    ]);
    expect(checkUnzippedSize(zip, MB, (name) => name.endsWith('.xml'))).toBeUndefined();
    expect(checkUnzippedSize(zip, MB)).toEqual({ tooLarge: 2 * MB + 1000 });
  });

  it('leaves what it cannot read to the ZIP library', () => {
    expect(checkUnzippedSize(Buffer.from('not a zip at all'), MB)).toBeUndefined();
  });
});
