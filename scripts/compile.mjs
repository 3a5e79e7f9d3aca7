#!/usr/bin/env node
/**
 * Compiles src/ and scripts/ to dist/ with tsc when the sources changed since the last compile
 * (content hash, not mtimes), so `npm start` and the CLI run plain `node` on JavaScript. Runs from
 * `prepare` (npm install / npm ci) and before every npm script that runs dist/. Plain JavaScript on
 * purpose: it must run before anything is compiled.
 *
 * `node scripts/compile.mjs [--force] [--quiet] [--if-possible]`; exit 0 when dist/ is up to date,
 * else tsc's code. `--if-possible` (for `prepare`) only warns when TypeScript is not installed, so
 * an install without dev dependencies does not fail.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const stampPath = join(dist, ".source-sha256");
const lockPath = join(dist, ".compile-lock");
const args = new Set(process.argv.slice(2));
if (args.has("--help") || args.has("-h")) {
  process.stdout.write("usage: node scripts/compile.mjs [--force] [--quiet] [--if-possible]\n  compiles src/ and scripts/ to dist/ when they changed (tsc -p tsconfig.build.json)\n");
  process.exit(0);
}
const unknown = [...args].filter((a) => a !== "--force" && a !== "--quiet" && a !== "--if-possible");
if (unknown.length > 0) {
  process.stderr.write(`compile: unknown option ${unknown.join(" ")}\n`);
  process.exit(2);
}
const say = (line) => {
  if (!args.has("--quiet")) process.stderr.write(`${line}\n`);
};

function sourceFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

function sourceHash() {
  const h = createHash("sha256");
  const files = [...sourceFiles(join(root, "src")), ...sourceFiles(join(root, "scripts")), join(root, "tsconfig.json"), join(root, "tsconfig.build.json")];
  for (const f of files.map((p) => relative(root, p)).sort()) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(root, f)));
    h.update("\0");
  }
  return h.digest("hex");
}

function fresh(hash) {
  return existsSync(join(dist, "src", "main.js")) && existsSync(stampPath) && readFileSync(stampPath, "utf8").trim() === hash;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// One compiler at a time: several processes started together (tests) must not write dist/ at once.
function lock() {
  mkdirSync(dist, { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lockPath);
      return;
    } catch {
      // A lock older than 3 minutes belongs to a compiler that died.
      if (existsSync(lockPath) && Date.now() - statSync(lockPath).mtimeMs > 180_000) rmSync(lockPath, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lockPath} is held by another compile`);
      sleep(200);
    }
  }
}

const hash = sourceHash();
if (!args.has("--force") && fresh(hash)) process.exit(0);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
if (!existsSync(tsc)) {
  if (existsSync(join(dist, "src", "main.js"))) {
    say("注意 note: TypeScript is not installed (npm install --omit=dev?): running the existing dist/ although src/ changed");
    process.exit(0);
  }
  process.stderr.write("无法编译 cannot compile: TypeScript is not installed; run `npm install` (with dev dependencies)\n");
  process.exit(args.has("--if-possible") ? 0 : 1);
}
lock();
let code = 0;
try {
  // Another process may have compiled while this one waited for the lock.
  if (args.has("--force") || !fresh(hash)) {
    const t0 = Date.now();
    say("编译 compiling TypeScript → dist/ …");
    const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
    code = r.status ?? 1;
    if (code === 0) {
      writeFileSync(stampPath, `${hash}\n`);
      say(`编译完成 compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } else {
      process.stderr.write(`编译失败 compile failed (tsc exit ${code})\n`);
    }
  }
} finally {
  rmSync(lockPath, { recursive: true, force: true });
}
process.exit(code);
