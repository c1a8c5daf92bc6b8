/**
 * The OpenAPI 3.1 document (/api/openapi.json) and a readable, self-contained reference page
 * rendered from it (/api/docs): no CDN, so it works on an offline laptop.
 */
import type { FastifyInstance } from "fastify";
import { policy } from "./policy.ts";
import { problemCodes } from "./problem.ts";

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};
type OpenApiDoc = {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
};

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const inlineMarkdown = (s: string) =>
  escapeHtml(s)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/`(.+?)`/g, "<code>$1</code>");

function renderOperation(method: string, path: string, op: Operation): string {
  const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-");
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td><td><code>${escapeHtml(JSON.stringify(p.schema ?? {}))}</code></td></tr>`,
    )
    .join("");
  const body = op.requestBody?.content?.["application/json"]?.schema;
  const okCodes = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith("2"));
  const errorCodes = Object.keys(op.responses ?? {}).filter((code) => !code.startsWith("2"));
  return `<section class="op" id="${id}">
  <h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  <p>${inlineMarkdown(op.summary ?? "")}</p>
  <p class="who">${inlineMarkdown(op.description ?? "")}</p>
  ${params ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${params}</tbody></table>` : ""}
  ${body ? `<details><summary>Request body (application/json)</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ""}
  ${okCodes
    .map(([code, r]) => {
      const schema = r.content?.["application/json"]?.schema;
      return `<details><summary>Response ${code}</summary>${schema ? `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>` : "<p>No content.</p>"}</details>`;
    })
    .join("")}
  ${errorCodes.length ? `<p class="errs">Errors: ${errorCodes.join(", ")} (problem+json)</p>` : ""}
</section>`;
}

export function renderDocsPage(doc: OpenApiDoc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op)]);
    }
  }
  const tags = [...byTag.keys()].sort();
  const problems = Object.entries(problemCodes)
    .map(
      ([code, p]) =>
        `<tr id="problem-${code}"><td><code>${code}</code></td><td>${p.status}</td><td>${p.title}</td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1a1b1e;display:flex}
nav{width:220px;padding:16px;border-right:1px solid #e5e7eb;position:sticky;top:0;height:100vh;overflow:auto;flex-shrink:0}
nav a{display:block;color:#1c7ed6;text-decoration:none;padding:2px 0} main{padding:16px 32px;max-width:980px}
.op{border:1px solid #e5e7eb;border-radius:8px;padding:8px 16px;margin:12px 0} .who{color:#495057;font-size:14px}
.m{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.m-get{background:#1c7ed6}.m-post{background:#2f9e44}.m-put,.m-patch{background:#e67700}.m-delete{background:#c92a2a}
pre{background:#f8f9fa;padding:8px;overflow:auto;font-size:12px} table{border-collapse:collapse;font-size:13px} td,th{border:1px solid #e5e7eb;padding:4px 8px;text-align:left}
.errs{font-size:13px;color:#868e96}
</style></head><body>
<nav aria-label="API sections"><strong>${escapeHtml(doc.info.title)}</strong><a href="/api/openapi.json">openapi.json</a><a href="#problems">Errors</a>${tags.map((t) => `<a href="#tag-${t}">${escapeHtml(t)}</a>`).join("")}</nav>
<main><h1>${escapeHtml(doc.info.title)}</h1><p>${inlineMarkdown(doc.info.description ?? "")}</p>
<h2 id="problems">Errors</h2><p>Every error is <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code>; validation errors list each field in <code>errors[].path</code>.</p>
<table><thead><tr><th>code</th><th>status</th><th>title</th></tr></thead><tbody>${problems}</tbody></table>
${tags.map((t) => `<h2 id="tag-${t}">${escapeHtml(t)}</h2>${(byTag.get(t) ?? []).join("")}`).join("")}
</main></body></html>`;
}

export function registerDocsRoutes(app: FastifyInstance) {
  app.get(
    "/api/openapi.json",
    {
      config: { policy: policy.public },
      schema: { tags: ["meta"], summary: "This API's OpenAPI 3.1 document" },
    },
    async () => app.swagger(),
  );
  let page: string | undefined;
  app.get(
    "/api/docs",
    {
      config: { policy: policy.public },
      schema: { tags: ["meta"], summary: "Readable API reference (HTML)" },
    },
    async (_request, reply) => {
      page ??= renderDocsPage(app.swagger() as unknown as OpenApiDoc);
      return reply.type("text/html; charset=utf-8").send(page);
    },
  );
}
