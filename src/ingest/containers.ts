/**
 * What kind of container a file is, from its bytes (never from its name): a
 * zip (xlsx, ods, numbers, docx or a plain archive, told apart by the entry
 * names in the zip's central directory) or an OLE compound file (a legacy .xls
 * or a password-protected .xlsx, which Office stores encrypted inside one).
 * Reading the central directory also gives the uncompressed sizes, so a
 * workbook that would unzip to far more than the size limit is refused before
 * anything is unzipped.
 */

export type Container =
  | { kind: 'zip'; format: ZipFormat; entries: ZipEntry[] }
  | { kind: 'ole'; encrypted: boolean }
  | { kind: 'none' };

export type ZipFormat = 'xlsx' | 'ods' | 'numbers' | 'document' | 'archive' | 'damaged';

export interface ZipEntry {
  name: string;
  uncompressedSize: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

interface DirectoryRecord extends ZipEntry {
  method: number;
  compressedSize: number;
  /** Where the entry's local header starts. */
  offset: number;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** True when the first bytes are a zip or an OLE compound file (so the file is not text). */
export function looksLikeContainer(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC) || startsWith(head, OLE_MAGIC);
}

export function identifyContainer(bytes: Buffer): Container {
  if (startsWith(bytes, OLE_MAGIC)) {
    // An encrypted OOXML package names its streams in UTF-16: "EncryptedPackage".
    const encrypted = bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    return { kind: 'ole', encrypted };
  }
  if (!startsWith(bytes, ZIP_MAGIC) && !startsWith(bytes, EMPTY_ZIP_MAGIC)) return { kind: 'none' };
  const records = centralDirectory(bytes);
  if (records === null) return { kind: 'zip', format: 'damaged', entries: [] };
  const entries = records.map(({ name, uncompressedSize }) => ({ name, uncompressedSize }));
  return { kind: 'zip', format: zipFormat(bytes, entries), entries };
}

/** Where an entry's bytes are: how they are compressed and the compressed bytes themselves. */
export interface StoredEntry {
  /** 0 stored, 8 deflated; anything else a reader cannot peek into. */
  method: number;
  data: Buffer;
}

/**
 * The compressed bytes of each named entry (by the central directory and the local
 * headers), for a peek at the start of a workbook's parts without unzipping all of it.
 */
export function storedEntries(bytes: Buffer): Map<string, StoredEntry> {
  const found = new Map<string, StoredEntry>();
  for (const record of centralDirectory(bytes) ?? []) {
    const at = record.offset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) continue;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const end = Math.min(bytes.length, start + record.compressedSize);
    found.set(record.name, { method: record.method, data: bytes.subarray(start, end) });
  }
  return found;
}

function zipFormat(bytes: Buffer, entries: ZipEntry[]): ZipFormat {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('Index/Document.iwa') || [...names].some((n) => n.startsWith('Index/'))) return 'numbers';
  if (names.has('mimetype') && bytes.includes(Buffer.from('opendocument.spreadsheet'))) return 'ods';
  if (names.has('[Content_Types].xml') || names.has('mimetype')) return 'document';
  return 'archive';
}

/** The entries listed in a zip's central directory, or null when it cannot be found or read. */
function centralDirectory(bytes: Buffer): DirectoryRecord[] | null {
  // The end-of-directory record is in the last 22 bytes, plus up to 64 KB of comment.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: DirectoryRecord[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const offset = bytes.readUInt32LE(at + 42);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, uncompressedSize, method, compressedSize, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Other data formats people share as "the data", recognised from their first bytes. */
export function otherDataFormat(head: Uint8Array): 'parquet' | 'json' | null {
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet'; // "PAR1"
  const text = Buffer.from(head.subarray(0, 64))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const start = text.trimStart()[0];
  return start === '{' || start === '[' ? 'json' : null;
}
