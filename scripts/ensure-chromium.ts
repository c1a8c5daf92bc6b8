/**
 * Browser tests need Debian's Chromium. Find it; when missing, install it where we can (root with
 * apt-get), otherwise stop with the exact command to run. Never downloads a browser of its own.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
  (p): p is string => !!p,
);

export function findChromium(): string | undefined {
  return candidates.find((p) => fs.existsSync(p));
}

function main() {
  const found = findChromium();
  if (found) {
    process.stdout.write(`Chromium: ${found}\n`);
    return;
  }
  const canInstall = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    process.stderr.write(
      "Browser tests need Chromium, which is not installed. Run:\n  sudo apt-get update && sudo apt-get install -y chromium poppler-utils\n",
    );
    process.exit(1);
  }
  process.stdout.write("Chromium not found: installing Debian's chromium package…\n");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium", "poppler-utils"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (!findChromium()) {
    process.stderr.write("apt-get finished but /usr/bin/chromium is still missing.\n");
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
