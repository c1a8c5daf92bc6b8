import { useMutation, useQueryClient } from "@tanstack/react-query";
import { readCsrfToken } from "../../../shared/api/csrf";
import { ApiError, codeForStatus, problemSchema } from "../../../shared/api/problem";
import { env } from "../../../shared/config/env";
import {
  type Import,
  type ImportEntity,
  type ImportPreset,
  importQueryKey,
  importSchema,
  importsQueryKey,
} from "./import-schema";

export interface UploadImportInput {
  entity: ImportEntity;
  file: File;
  preset: ImportPreset;
  partnerId: string | null;
  templateId: string | null;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POST /api/v1/imports as multipart/form-data. XMLHttpRequest rather than fetch because only it
 * reports upload progress, which matters for files of hundreds of megabytes. The text parts go
 * first and the file last, so the server knows what it is reading before the bytes arrive.
 */
export function uploadImport(
  input: UploadImportInput,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<Import> {
  const form = new FormData();
  form.append("entity", input.entity);
  if (input.partnerId) form.append("partnerId", input.partnerId);
  form.append("preset", input.preset);
  if (input.templateId) form.append("templateId", input.templateId);
  form.append("file", input.file, input.file.name);

  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `${env.apiBaseUrl}/v1/imports`);
    request.withCredentials = true;
    request.setRequestHeader("Accept", "application/json");
    const csrf = readCsrfToken();
    if (csrf) request.setRequestHeader("X-CSRF-Token", csrf);
    request.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : input.file.size });
    };
    request.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: "network_error",
          title: "Upload failed",
          detail: "The file could not be sent to the Ecostack server. Check your connection and try again.",
        }),
      );
    request.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    request.onload = () => {
      const json = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        const parsed = importSchema.safeParse(json);
        if (parsed.success) resolve(parsed.data);
        else
          reject(
            new ApiError({
              status: request.status,
              code: "invalid_response",
              title: "Unexpected response",
              detail:
                "The server accepted the file but answered with data this version of the app does not understand.",
            }),
          );
        return;
      }
      reject(errorFromXhr(request.status, request.statusText, json));
    };
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromXhr(status: number, statusText: string, json: unknown): ApiError {
  const problem = problemSchema.safeParse(json);
  if (problem.success && (problem.data.detail || problem.data.title))
    return ApiError.fromProblem(status, problem.data);
  if (status === 413)
    return new ApiError({
      status,
      code: "payload_too_large",
      title: "File too large",
      detail: "The file is larger than this server accepts.",
    });
  return new ApiError({
    status,
    code: codeForStatus(status),
    title: statusText || "Upload failed",
    detail: `The server answered with status ${status}.`,
  });
}

export function useUploadImport(onProgress: (progress: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadImportInput) => uploadImport(input, onProgress),
    onSuccess: (created) => {
      queryClient.setQueryData(importQueryKey(created.id), created);
      return queryClient.invalidateQueries({ queryKey: [...importsQueryKey, "list"] });
    },
  });
}
