import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where a run's evidence waits for the reports: one scratch file, written as documents complete by
 * whichever thread analysed them, so that memory does not grow with the number of matches (300,000
 * rows of a dense codebook, millions of a big one). The file is removed from its folder as soon as
 * it is opened: nothing is left behind however the run ends, and it is gone when its descriptor is
 * closed. Threads of one process share descriptors, so a worker thread writes with the number it
 * is given; each write reserves its place by an atomic add on a shared end, so no thread waits.
 */
export interface EvidenceSpillHandle {
  fd: number;
  /** One BigInt64 (the end of the data written so far), shared by every thread. */
  end: SharedArrayBuffer;
}

/** Writes bytes at a place of their own in the spill and returns where. */
export type SpillAppend = (bytes: Uint8Array) => number;

export interface EvidenceSpill {
  readonly handle: EvidenceSpillHandle;
  append: SpillAppend;
  /** `length` bytes from `at`, into a new buffer. */
  read(at: number, length: number): Buffer;
  /** Closes the file (it then disappears). Reading after that throws; closing twice is harmless. */
  close(): void;
}

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** A new spill file in `folder` (default: the system's temporary folder). */
export function openEvidenceSpill(folder = tmpdir()): EvidenceSpill {
  const file = path.join(folder, `.policycoder-evidence-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const fd = openSync(file, 'wx+', 0o600);
  try {
    unlinkSync(file);
  } catch {
    // A file system that cannot remove an open file: it is removed on close instead.
  }
  const handle: EvidenceSpillHandle = { fd, end: new SharedArrayBuffer(8) };
  let closed = false;
  const spill: EvidenceSpill = {
    handle,
    append: spillAppender(handle),
    read(at, length) {
      if (closed) throw new Error('the evidence spill was read after the run closed it');
      const buffer = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const got = readSync(fd, buffer, done, length - done, at + done);
        if (got === 0) throw new Error(`the evidence spill ends before byte ${at + length}`);
        done += got;
      }
      return buffer;
    },
    close() {
      if (closed) return;
      closed = true;
      closer.unregister(spill);
      closeSync(fd);
      try {
        unlinkSync(file);
      } catch {
        // removed when opened
      }
    },
  };
  closer.register(spill, fd, spill);
  return spill;
}

/** `append` for a spill opened elsewhere in this process (a worker thread gets the handle in its data). */
export function spillAppender(handle: EvidenceSpillHandle): SpillAppend {
  const end = new BigInt64Array(handle.end);
  return (bytes) => {
    const at = Number(Atomics.add(end, 0, BigInt(bytes.length)));
    let done = 0;
    while (done < bytes.length) done += writeSync(handle.fd, bytes, done, bytes.length - done, at + done);
    return at;
  };
}
