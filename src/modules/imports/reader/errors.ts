export type CsvFileErrorCode =
  | "empty"
  | "header_only"
  | "binary"
  | "invalid_encoding"
  | "limit_exceeded"
  | "unterminated_quote"
  | "duplicate_headers"
  | "empty_headers"
  | "malformed";

export interface CsvFileErrorDetails {
  line?: number;
  byteOffset?: number;
  limit?: "maxBytes" | "maxRows" | "maxColumns";
  headers?: string[];
  /** 1-based column positions, for header problems. */
  columns?: number[];
}

/**
 * A whole-file problem: the import cannot go on. Row-level problems (ragged rows) are not thrown,
 * they are reported per line so the valid rows can still be imported.
 */
export class CsvFileError extends Error {
  readonly code: CsvFileErrorCode;
  readonly details: CsvFileErrorDetails;

  constructor(code: CsvFileErrorCode, message: string, details: CsvFileErrorDetails = {}) {
    super(message);
    this.name = "CsvFileError";
    this.code = code;
    this.details = details;
  }
}
