/**
 * The multipart upload of POST /imports: text parts first, the `file` part streamed straight to a
 * file under the upload dir with its sha256 computed on the way (never buffered). Over the size
 * limit the partial file is deleted and the answer is 413; the Content-Length is checked before
 * anything is read.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { newId } from "../../db/columns.ts";
import { AppError, invalid } from "../../http/problem.ts";

export type UploadedFile = { path: string; name: string; bytes: number; sha256: string };
export type Upload = { fields: Record<string, string>; file: UploadedFile };

/** Room for the text parts and multipart framing beside the file itself. */
export const MULTIPART_OVERHEAD = 1024 * 1024;

export const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The file is larger than the import limit of ${maxBytes} bytes.`);

/** Refuses a declared body over the limit before a byte of it is read. */
export function checkDeclaredLength(request: FastifyRequest, maxBytes: number): void {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
}

export async function receiveUpload(
  request: FastifyRequest,
  options: { uploadDir: string; maxBytes: number },
): Promise<Upload> {
  if (!request.isMultipart())
    throw new AppError(
      "unsupported_media_type",
      "Send the file as multipart/form-data (text parts, then `file`).",
    );
  const fields: Record<string, string> = {};
  fs.mkdirSync(options.uploadDir, { recursive: true });
  const parts = request.parts({
    limits: { fileSize: options.maxBytes, files: 1, fields: 20, fieldSize: 1024 * 1024, parts: 21 },
  });
  for await (const part of parts) {
    if (part.type === "field") {
      if (typeof part.value === "string") fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== "file") {
      part.file.resume();
      throw invalid("file", `the file part must be named "file", not "${part.fieldname}"`);
    }
    const target = path.join(options.uploadDir, `${newId()}.csv`);
    const hash = createHash("sha256");
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(part.file, tap, fs.createWriteStream(target));
      if (part.file.truncated) throw tooLarge(options.maxBytes);
    } catch (error) {
      fs.rmSync(target, { force: true });
      if (error instanceof AppError) throw error;
      if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge(options.maxBytes);
      throw error;
    }
    // Parts after the file are not read: the contract puts the file last.
    return {
      fields,
      file: { path: target, name: part.filename || "upload.csv", bytes, sha256: hash.digest("hex") },
    };
  }
  throw invalid("file", "no file part: send the CSV as the `file` part");
}
