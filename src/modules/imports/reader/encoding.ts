import { CsvFileError } from "./errors.ts";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  encoding: TextEncodingName;
  bom: boolean;
  /** How it was decided, for the import report ("never silently mangled"). */
  reason: "bom" | "valid-utf8" | "invalid-utf8-fallback" | "requested";
}

export interface DecodeOptions {
  /** "auto" sniffs; an explicit encoding disables the Windows-1252 fallback. */
  encoding?: "auto" | TextEncodingName;
  /** Bytes inspected before deciding; invalid UTF-8 after this window is an error, not a fallback. */
  sniffBytes?: number;
  maxBytes?: number;
}

export interface DecodedText {
  encoding: DetectedEncoding;
  text: AsyncGenerator<string, void, undefined>;
}

const defaultSniffBytes = 64 * 1024;
const binarySampleBytes = 8 * 1024;
// Text files contain almost no C0 controls besides tab/CR/LF/FF; 10% is far above any real CSV.
const maxControlRatio = 0.1;

function bomOf(bytes: Uint8Array): DetectedEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", bom: true, reason: "bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: true, reason: "bom" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bom: true, reason: "bom" };
  return null;
}

export function looksBinary(sample: Uint8Array): boolean {
  const length = Math.min(sample.length, binarySampleBytes);
  if (length === 0) return false;
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = sample[i] ?? 0;
    if (byte === 0) return true;
    const isAllowedControl = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
    if ((byte < 0x20 && !isAllowedControl) || byte === 0x7f) controls++;
  }
  return controls / length > maxControlRatio;
}

export interface Utf8Scan {
  /** Index of the first byte of an invalid sequence, or -1. */
  invalidAt: number;
  /** Start of a valid but incomplete trailing sequence (= length when complete). */
  completeUntil: number;
}

function continuation(byte: number | undefined, low = 0x80, high = 0xbf): boolean | null {
  if (byte === undefined) return null;
  return byte >= low && byte <= high;
}

/** Finds the exact offset of invalid UTF-8, which TextDecoder({ fatal }) does not tell. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let size: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) size = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      size = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      size = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return { invalidAt: i, completeUntil: i };
    for (let k = 1; k < size; k++) {
      const ok = k === 1 ? continuation(bytes[i + k], low, high) : continuation(bytes[i + k]);
      if (ok === null) return { invalidAt: -1, completeUntil: i };
      if (!ok) return { invalidAt: i, completeUntil: i };
    }
    i += size;
  }
  return { invalidAt: -1, completeUntil: bytes.length };
}

export function detectEncoding(sample: Uint8Array, requested: DecodeOptions["encoding"] = "auto") {
  const bom = bomOf(sample);
  if (requested !== "auto") {
    const bomMatches = bom !== null && bom.encoding === requested;
    return { encoding: requested, bom: bomMatches, reason: "requested" } satisfies DetectedEncoding;
  }
  if (bom) return bom;
  const scan = scanUtf8(sample);
  if (scan.invalidAt >= 0) {
    return {
      encoding: "windows-1252",
      bom: false,
      reason: "invalid-utf8-fallback",
    } satisfies DetectedEncoding;
  }
  return { encoding: "utf-8", bom: false, reason: "valid-utf8" } satisfies DetectedEncoding;
}

function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  // Buffer#indexOf is a native byte search: far cheaper than a JS loop over every byte.
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, end);
  let lines = 0;
  for (let at = view.indexOf(0x0a); at >= 0; at = view.indexOf(0x0a, at + 1)) lines++;
  return lines;
}

/**
 * Where a valid but unfinished UTF-8 sequence starts at the end of `bytes` (its length when the
 * bytes end on a whole character). A sequence is at most 4 bytes, so only the last 3 are looked at;
 * an invalid tail counts as finished so that decoding reports it.
 */
function unfinishedTailStart(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const scan = scanUtf8(bytes.subarray(bytes.length - back));
      return scan.invalidAt < 0 && scan.completeUntil === 0 ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function overLimit(maxBytes: number): CsvFileError {
  return new CsvFileError(
    "limit_exceeded",
    `The file is larger than the limit of ${maxBytes} bytes (maxBytes)`,
    {
      limit: "maxBytes",
    },
  );
}

/**
 * Decodes a byte stream into text chunks. Only the sniff window is buffered; the rest is decoded
 * chunk by chunk, so memory stays bounded whatever the file size.
 */
export async function decodeCsvStream(
  source: AsyncIterable<Uint8Array>,
  options: DecodeOptions = {},
): Promise<DecodedText> {
  const sniffBytes = options.sniffBytes ?? defaultSniffBytes;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let exhausted = false;
  while (headLength < sniffBytes) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
    if (headLength > maxBytes) throw overLimit(maxBytes);
  }
  const sample = concat(head, headLength);
  if (sample.length === 0) throw new CsvFileError("empty", "The file is empty");
  const detected = detectEncoding(sample, options.encoding);
  const isUtf16 = detected.encoding !== "utf-8" && detected.encoding !== "windows-1252";
  if (!isUtf16 && looksBinary(sample)) {
    throw new CsvFileError("binary", "This is not a CSV file (binary content)");
  }
  async function* rest(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      yield sample;
      if (exhausted) return;
      let total = headLength;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        total += next.value.length;
        if (total > maxBytes) throw overLimit(maxBytes);
        yield next.value;
      }
    } finally {
      // Closes the underlying file stream when the reader stops early (error, limit, cancel).
      if (!exhausted) await iterator.return?.();
    }
  }
  const text =
    detected.encoding === "utf-8" ? decodeUtf8(rest(), detected.bom) : decodeOther(rest(), detected);
  return { encoding: detected, text };
}

async function* decodeUtf8(
  bytes: AsyncGenerator<Uint8Array, void, undefined>,
  bom: boolean,
): AsyncGenerator<string, void, undefined> {
  // ignoreBOM: false makes the decoder strip a leading BOM so it never ends up in the first header.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let carry = new Uint8Array(0);
  let consumed = 0;
  let newlines = 0;
  for await (const chunk of bytes) {
    const joined = carry.length > 0 ? concat([carry, chunk], carry.length + chunk.length) : chunk;
    const completeUntil = unfinishedTailStart(joined);
    const complete = joined.subarray(0, completeUntil);
    let text: string;
    try {
      // The native fatal decoder validates as it decodes; the exact offset of invalid bytes is
      // only worked out (in JS) on failure. Whole characters only, so it holds nothing back.
      text = decoder.decode(complete, { stream: true });
    } catch {
      const invalidAt = Math.max(0, scanUtf8(complete).invalidAt);
      const offset = consumed + invalidAt;
      const line = newlines + countNewlines(complete, invalidAt) + 1;
      const why = bom ? "the file starts with a UTF-8 byte order mark" : "the file was read as UTF-8";
      throw new CsvFileError(
        "invalid_encoding",
        `Invalid UTF-8 at byte ${offset} (line ${line}); ${why}, so it cannot be re-read as Windows-1252`,
        { byteOffset: offset, line },
      );
    }
    carry = joined.slice(completeUntil);
    consumed += complete.length;
    newlines += countNewlines(complete);
    if (text.length > 0) yield text;
  }
  if (carry.length > 0) {
    const line = newlines + 1;
    throw new CsvFileError(
      "invalid_encoding",
      `Invalid UTF-8 at byte ${consumed} (line ${line}): the file ends in the middle of a character`,
      { byteOffset: consumed, line },
    );
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

async function* decodeOther(
  bytes: AsyncGenerator<Uint8Array, void, undefined>,
  detected: DetectedEncoding,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder(detected.encoding, { fatal: true, ignoreBOM: false });
  let consumed = 0;
  for await (const chunk of bytes) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      // Only UTF-16 can fail here (unpaired surrogate); Windows-1252 maps every byte.
      throw new CsvFileError(
        "invalid_encoding",
        `Invalid ${detected.encoding.toUpperCase()} in the bytes ${consumed}–${consumed + chunk.length}`,
        { byteOffset: consumed },
      );
    }
    consumed += chunk.length;
    if (text.length > 0) yield text;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new CsvFileError(
      "invalid_encoding",
      `Invalid ${detected.encoding.toUpperCase()} at byte ${consumed}: the file ends in the middle of a character`,
      { byteOffset: consumed },
    );
  }
  if (tail.length > 0) yield tail;
}
