/** The stack documents the API and the CLI write: Markdown and the one-page PDF. */
import { renderStackMarkdown, stackFileName } from "./export-markdown.ts";
import { renderStackPdf } from "./export-pdf.ts";
import type { Stack } from "./service.ts";

export const exportFormats = ["md", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportContentTypes: Readonly<Record<ExportFormat, string>> = {
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
};

/** The stack document in a format, with its file name: shared by the API and the CLI. */
export async function renderStackExport(
  stack: Stack,
  format: ExportFormat,
): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const body =
    format === "pdf" ? await renderStackPdf(stack) : Buffer.from(renderStackMarkdown(stack), "utf8");
  return { body, fileName: stackFileName(stack, format), contentType: exportContentTypes[format] };
}
