import { CsvFileError } from "./errors.ts";

/**
 * Streaming CSV record parser over decoded text chunks, written for speed (an import reads
 * hundreds of MB): unquoted fields are found with a charCode scan and quoted runs with indexOf,
 * fields are string slices, and state carries over chunk boundaries without re-reading.
 *
 * It reproduces csv-parse 7 exactly with the options the reader used before (`relax_quotes`,
 * `relax_column_count`, record delimiters CRLF / LF / CR, empty lines kept as `[""]`), which
 * parse.test.ts checks against csv-parse on generated inputs:
 * - a quote opens a quoted field only as a field's first character; elsewhere it is text;
 * - inside quotes `""` is a quote; a closing quote followed by anything but a delimiter, a line
 *   break or the end is kept as text together with the opening quote (`"a"b` → `"a"b`);
 * - input ending inside quotes is an unterminated quote, reported at the record's start line.
 */

/** Shaped like a valid CsvRow so the reader can hand it on without copying. */
export interface ParsedRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  record: string[];
}

const quote = 34;
const lineFeed = 10;
const carriageReturn = 13;

const fieldStart = 0;
const quoted = 1;
const unquoted = 2;
type Mode = typeof fieldStart | typeof quoted | typeof unquoted;

/** Line breaks in a value, counting CRLF once (as a record delimiter would). */
function lineBreaksIn(value: string): number {
  if (value.indexOf("\n") < 0 && value.indexOf("\r") < 0) return 0;
  let breaks = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === lineFeed) breaks++;
    else if (code === carriageReturn) {
      breaks++;
      if (value.charCodeAt(i + 1) === lineFeed) i++;
    }
  }
  return breaks;
}

/**
 * Finds line breaks in one chunk. The next CR and the next LF are cached separately, so each is
 * searched for once per stretch of text: a chunk with a single stray CR is not rescanned per record.
 */
class LineBreakFinder {
  private readonly text: string;
  private nextLineFeed = -1;
  private nextCarriageReturn = -1;

  constructor(text: string) {
    this.text = text;
  }

  /** Position of the first CR or LF at or after `from`, or the text's length. */
  after(from: number): number {
    const length = this.text.length;
    if (this.nextLineFeed < from) {
      const found = this.text.indexOf("\n", from);
      this.nextLineFeed = found < 0 ? length : found;
    }
    if (this.nextCarriageReturn < from) {
      const found = this.text.indexOf("\r", from);
      this.nextCarriageReturn = found < 0 ? length : found;
    }
    return Math.min(this.nextLineFeed, this.nextCarriageReturn);
  }
}

export class CsvRecordParser {
  private readonly delimiter: number;
  /** The last characters of the previous chunk, kept until what follows them is known. */
  private pending = "";
  private mode: Mode = fieldStart;
  private fields: string[] = [];
  /** The current field's text read so far (it may span chunks). */
  private field = "";
  /** Whether the current field's quoted text may hold a line break (then they are counted). */
  private fieldMayBreak = false;
  /** Line breaks inside the current record's fields. */
  private breaks = 0;
  private recordLine = 1;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Line where the record being read starts (for whole-file errors). */
  get currentLine(): number {
    return this.recordLine;
  }

  /** Parses a chunk, appending the records it completes to `out`. */
  write(chunk: string, out: ParsedRecord[]): void {
    const text = this.pending.length > 0 ? this.pending + chunk : chunk;
    this.pending = "";
    this.parse(text, false, out);
  }

  /** Ends the input: emits the last record, or throws on an unterminated quote. */
  end(out: ParsedRecord[]): void {
    const text = this.pending;
    this.pending = "";
    this.parse(text, true, out);
    if (this.mode === quoted) {
      throw new CsvFileError(
        "unterminated_quote",
        `A quoted field opened on line ${this.recordLine} is never closed`,
        { line: this.recordLine },
      );
    }
    // A trailing line break leaves nothing; anything else read is a last record.
    if (this.fields.length > 0 || this.mode === unquoted) {
      this.endField(this.field);
      this.endRecord(out);
    }
  }

  private endField(value: string): void {
    if (this.fieldMayBreak) {
      this.breaks += lineBreaksIn(value);
      this.fieldMayBreak = false;
    }
    this.fields.push(value);
    this.field = "";
    this.mode = fieldStart;
  }

  private endRecord(out: ParsedRecord[]): void {
    out.push({ line: this.recordLine, record: this.fields });
    this.recordLine += this.breaks + 1;
    this.breaks = 0;
    this.fields = [];
  }

  // One loop with three modes; kept in one function so V8 keeps the hot path local.
  private parse(text: string, final: boolean, out: ParsedRecord[]): void {
    const length = text.length;
    const delimiter = this.delimiter;
    const breaks = new LineBreakFinder(text);
    // A line break at or after the current position (length when none): quoted runs that end
    // before it hold no break, so most fields skip counting without looking at their text.
    let nextBreak = -1;
    let at = 0;
    while (at < length) {
      if (this.mode === fieldStart) {
        if (text.charCodeAt(at) === quote) {
          this.mode = quoted;
          at++;
          continue;
        }
        this.mode = unquoted;
      }
      if (this.mode === quoted) {
        const close = text.indexOf('"', at);
        if (close < 0) {
          this.field += text.slice(at);
          this.fieldMayBreak = true;
          return;
        }
        if (close > nextBreak) {
          nextBreak = breaks.after(at);
          if (close > nextBreak) this.fieldMayBreak = true;
        }
        const next = close + 1 < length ? text.charCodeAt(close + 1) : -1;
        if (next === -1 && !final) {
          // Whether this quote closes the field or escapes another one is in the next chunk.
          this.field += text.slice(at, close);
          this.pending = text.slice(close);
          return;
        }
        if (next === quote) {
          this.field += text.slice(at, close + 1);
          at = close + 2;
          continue;
        }
        if (next === delimiter) {
          this.endField(this.field + text.slice(at, close));
          at = close + 2;
          continue;
        }
        if (next === lineFeed || next === -1) {
          this.endField(this.field + text.slice(at, close));
          this.endRecord(out);
          at = close + 2;
          continue;
        }
        if (next === carriageReturn) {
          if (close + 2 >= length && !final) {
            this.field += text.slice(at, close);
            this.pending = text.slice(close);
            return;
          }
          this.endField(this.field + text.slice(at, close));
          this.endRecord(out);
          at = close + (text.charCodeAt(close + 2) === lineFeed ? 3 : 2);
          continue;
        }
        // Text after a closing quote: keep the quotes as text, as csv-parse's relax_quotes does.
        this.field = `"${this.field}${text.slice(at, close + 1)}`;
        this.mode = unquoted;
        at = close + 1;
        continue;
      }
      let end = at;
      let code = 0;
      while (end < length) {
        code = text.charCodeAt(end);
        if (code === delimiter || code === lineFeed || code === carriageReturn) break;
        end++;
      }
      if (end >= length) {
        this.field += text.slice(at);
        return;
      }
      if (code === delimiter) {
        this.endField(this.field + text.slice(at, end));
        at = end + 1;
        continue;
      }
      if (code === carriageReturn) {
        if (end + 1 >= length && !final) {
          this.field += text.slice(at, end);
          this.pending = text.slice(end);
          return;
        }
        this.endField(this.field + text.slice(at, end));
        this.endRecord(out);
        at = end + (text.charCodeAt(end + 1) === lineFeed ? 2 : 1);
        continue;
      }
      this.endField(this.field + text.slice(at, end));
      this.endRecord(out);
      at = end + 1;
    }
  }
}
