/**
 * Builds the web app (web/dist) when it is missing or older than its sources, so `npm start`
 * and the browser tests do not pay for a rebuild when nothing changed. `--force` always builds.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const webDir = path.join(root, "web");
const builtIndex = path.join(webDir, "dist", "index.html");

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "dist" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export async function buildWebIfStale(force = false): Promise<boolean> {
  const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
  if (!force && builtAt >= newestMtime(webDir)) return false;
  await build({ configFile: path.join(webDir, "vite.config.ts"), logLevel: "warn" });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes("--force");
  if (await buildWebIfStale(force)) process.stdout.write("Built the web app into web/dist.\n");
}
