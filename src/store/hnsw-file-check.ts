/**
 * Checks an `hnswlib.index` file against the layout hnswlib's `saveIndex` writes (hnswalg.h), so a damaged
 * file is reported instead of crashing the process inside native code (hnswlib trusts every size and
 * neighbour id it reads). Layout: a 96-byte header, `count` level-0 records of `sizeDataPerElement`
 * bytes, then for each element a uint32 byte size and its upper-level link lists.
 */
const headerBytes = 96;
// hnswlib builds about log(n)/log(M) levels; 64 is far beyond any index that fits on one machine.
const maxLevels = 64;

/** The first problem found, or undefined when the file is consistent with `expected`. */
export function checkHnswIndexFile(file: Buffer, expected: { count: number; dimension: number }): string | undefined {
  if (file.length < headerBytes) return `hnswlib.index is ${file.length} bytes, shorter than its header`;
  const size = (offset: number) => {
    const value = file.readBigUInt64LE(offset);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.NaN : Number(value);
  };
  const offsetLevel0 = size(0);
  const maxElements = size(8);
  const count = size(16);
  const sizeDataPerElement = size(24);
  const labelOffset = size(32);
  const offsetData = size(40);
  const maxLevel = file.readInt32LE(48);
  const entryPoint = file.readUInt32LE(52);
  const maxM = size(56);
  const maxM0 = size(64);
  const m = size(72);
  const linksLevel0 = maxM0 * 4 + 4;
  const linksPerElement = maxM * 4 + 4;
  const expectedPerElement = linksLevel0 + expected.dimension * 4 + 8;
  if (count !== expected.count) return `hnswlib.index holds ${count} vectors, the manifest says ${expected.count}`;
  if (offsetLevel0 !== 0 || !(maxElements >= count) || !(m > 0 && m < 10_000) || maxM !== m || maxM0 !== 2 * m) {
    return "hnswlib.index has an inconsistent header";
  }
  if (
    sizeDataPerElement !== expectedPerElement ||
    offsetData !== linksLevel0 ||
    labelOffset !== linksLevel0 + expected.dimension * 4
  ) {
    return `hnswlib.index records do not match ${expected.dimension}-dimensional vectors`;
  }
  if (maxLevel < 0 || maxLevel > maxLevels || (count > 0 && entryPoint >= count))
    return "hnswlib.index has an invalid entry point";

  const level0End = headerBytes + count * sizeDataPerElement;
  if (file.length < level0End) return "hnswlib.index is truncated";
  const validLinks = (offset: number, limit: number): boolean => {
    const links = file.readUInt16LE(offset);
    if (links > limit) return false;
    for (let j = 0; j < links; j++) if (file.readUInt32LE(offset + 4 + 4 * j) >= count) return false;
    return true;
  };
  for (let i = 0; i < count; i++) {
    if (!validLinks(headerBytes + i * sizeDataPerElement, maxM0))
      return `hnswlib.index has invalid links for vector ${i}`;
  }
  let offset = level0End;
  for (let i = 0; i < count; i++) {
    if (offset + 4 > file.length) return "hnswlib.index is truncated";
    const bytes = file.readUInt32LE(offset);
    offset += 4;
    if (bytes % linksPerElement !== 0 || bytes / linksPerElement > maxLevel || offset + bytes > file.length) {
      return `hnswlib.index has invalid upper levels for vector ${i}`;
    }
    for (let level = 0; level < bytes / linksPerElement; level++) {
      if (!validLinks(offset + level * linksPerElement, maxM)) return `hnswlib.index has invalid links for vector ${i}`;
    }
    offset += bytes;
  }
  if (offset !== file.length) return "hnswlib.index has trailing bytes";
  return undefined;
}
