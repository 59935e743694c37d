// agree.mjs - ajv (JSON Schema draft 2020-12 + ajv-formats) and the
// hookc-generated C parsers must give the same verdict on every test case
// and on generated corpora. Where they differ, the difference must belong
// to exactly one documented class (CLASSES below, README.md); any other
// disagreement is unexplained and fails the test.
//
// Environment (set by tests/jsonschema/jsonschema.mk):
//   HOOKC         build/bin/hookc
//   BIN           directory of mews-check, general-check, ...
//   JSTEST_BIN    directory of full-check, full2-check
//   WORK          scratch directory (build/jsonschema)
//   NODE_MODULES  where ajv and ajv-formats are installed
//   SEED          generator seed (default 20240229)
//   PER_SCHEMA    generated messages per schema (default 3000)
//   VERBOSE=1     print every classified disagreement too
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const env = (k, d) => process.env[k] || d;
const HOOKC = env("HOOKC", path.join(ROOT, "build/bin/hookc"));
const BIN = env("BIN", path.join(ROOT, "build/bin"));
const JSTEST_BIN = env("JSTEST_BIN", path.join(ROOT, "build/jsonschema/bin"));
const WORK = env("WORK", path.join(ROOT, "build/jsonschema"));
const NODE_MODULES = env("NODE_MODULES", path.join(WORK, "node_modules"));
const SEED = Number(env("SEED", "20240229"));
const PER_SCHEMA = Number(env("PER_SCHEMA", "3000"));
const VERBOSE = env("VERBOSE", "") === "1";

const require = createRequire(path.join(path.dirname(NODE_MODULES), "x.cjs"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const { fullFormats } = require("ajv-formats/dist/formats");

// --- packages -------------------------------------------------------------

const PACKAGES = [
  { name: "mews", schema: "schema/mews.hookc", check: path.join(BIN, "mews-check") },
  { name: "general", schema: "schema/general.hookc", check: path.join(BIN, "general-check") },
  { name: "websocket", schema: "schema/websocket.hookc", check: path.join(BIN, "websocket-check") },
  { name: "endpoint", schema: "schema/endpoint.hookc", check: path.join(BIN, "endpoint-check") },
  { name: "full", schema: "tests/schemas/full.hookc", check: path.join(JSTEST_BIN, "full-check") },
  { name: "full2", schema: "tests/schemas/full2.hookc", check: path.join(JSTEST_BIN, "full2-check") },
];

// Which manifest's files belong to which package: tests/cases/NAME.cases
// holds cases of package NAME (and tests/cases/NAME/ its files); the seed
// messages and the parser-edge cases are Mews webhooks. The endpoint
// receives the Mews integration webhooks too, so every mews case is also
// an endpoint case. Manifests of other packages (none today) are left out.
const PKG_NAMES = new Set(PACKAGES.map((p) => p.name));
const forPkg = (name) => (name === "mews" ? ["mews", "endpoint"] : [name]);
const MANIFESTS = [
  { file: "tests/seed/seed.cases", pkgs: forPkg("mews") },
  { file: "tests/conformance/edges.cases", pkgs: forPkg("mews") },
  ...fs.readdirSync(path.join(ROOT, "tests/cases")).filter((f) => f.endsWith(".cases")).sort()
    .map((f) => f.slice(0, -".cases".length)).filter((n) => PKG_NAMES.has(n))
    .map((n) => ({ file: `tests/cases/${n}.cases`, pkgs: forPkg(n) })),
];
// Case directories whose JSON files a manifest may not list.
const CASE_DIRS = [
  { dir: "tests/seed", pkgs: forPkg("mews") },
  { dir: "tests/conformance/edges", pkgs: forPkg("mews") },
  ...[...PKG_NAMES].filter((n) => fs.existsSync(path.join(ROOT, "tests/cases", n)))
    .map((n) => ({ dir: `tests/cases/${n}`, pkgs: forPkg(n) })),
];

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith(".json")) out.push(p);
  }
  return out.sort();
}

// --- hookc's verdicts -----------------------------------------------------

const ERR_RE = /^(.+?):(\d+):(\d+): error: (.*) \[([A-Z_]+)\]$/;

// Runs a check tool over files (whole-file mode) or over one NDJSON file;
// returns Map key -> {ok, code, path, message}. The key is the file name,
// or "FILE:LINE" in NDJSON mode.
function runCheck(tool, files, ndjson) {
  const verdicts = new Map();
  const BATCH = 400;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const args = ndjson ? ["--ndjson", ...batch] : batch;
    const r = spawnSync(tool, args, { maxBuffer: 1 << 28, encoding: "utf8" });
    if (r.error) throw new Error(`${tool}: ${r.error.message}`);
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`${tool}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
    for (const line of r.stdout.split("\n")) {
      if (!line) continue;
      const m = ndjson ? /^(.+?:\d+): ok(?: .*)?$/.exec(line) : /^(.+?): ok(?: .*)?$/.exec(line);
      if (m && (ndjson || batch.includes(m[1]))) verdicts.set(m[1], { ok: true });
    }
    for (const line of r.stderr.split("\n")) {
      if (!line) continue;
      const m = ERR_RE.exec(line);
      if (!m) throw new Error(`${tool}: unexpected output: ${line}`);
      const key = ndjson ? `${m[1]}:${m[2]}` : m[1];
      const rest = m[4];
      // "PATH: message" or "message" when the path is empty
      const k = rest.indexOf(": ");
      verdicts.set(key, {
        ok: false, code: m[5],
        path: k >= 0 ? rest.slice(0, k) : "", message: k >= 0 ? rest.slice(k + 2) : rest,
      });
    }
  }
  return verdicts;
}

// --- own JSON scanner -----------------------------------------------------
// A small parser that keeps what JSON.parse throws away: every member of
// an object in order (duplicates included), number spellings, and the
// escapes a string was written with. It runs on the decoded text of a
// document that JSON.parse accepted.

function scan(text) {
  let i = 0;
  const ws = () => { while (i < text.length && " \t\r\n".includes(text[i])) i++; };
  function str() {
    const start = i++;
    let v = "", lone = false;
    while (text[i] !== '"') {
      if (text[i] === "\\") {
        const c = text[i + 1];
        if (c === "u") {
          const u = parseInt(text.slice(i + 2, i + 6), 16);
          i += 6;
          if (u >= 0xd800 && u <= 0xdbff && text[i] === "\\" && text[i + 1] === "u") {
            const l = parseInt(text.slice(i + 2, i + 6), 16);
            if (l >= 0xdc00 && l <= 0xdfff) { v += String.fromCharCode(u, l); i += 6; continue; }
          }
          if (u >= 0xd800 && u <= 0xdfff) lone = true;
          v += String.fromCharCode(u);
        } else {
          v += { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" }[c];
          i += 2;
        }
      } else v += text[i++];
    }
    i++;
    return { kind: "string", value: v, raw: text.slice(start, i), lone };
  }
  function value() {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const entries = [];
      ws();
      if (text[i] === "}") { i++; return { kind: "object", entries }; }
      for (;;) {
        ws();
        const k = str();
        ws(); i++; // ':'
        const v = value();
        entries.push({ key: k.value, keyNode: k, value: v });
        ws();
        if (text[i++] === "}") return { kind: "object", entries };
      }
    }
    if (c === "[") {
      i++;
      const items = [];
      ws();
      if (text[i] === "]") { i++; return { kind: "array", items }; }
      for (;;) {
        items.push(value());
        ws();
        if (text[i++] === "]") return { kind: "array", items };
      }
    }
    if (c === '"') return str();
    const re = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = i;
    const m = re.exec(text);
    i += m[0].length;
    if (m[0] === "true" || m[0] === "false" || m[0] === "null")
      return { kind: "literal", value: JSON.parse(m[0]), raw: m[0] };
    return { kind: "number", raw: m[0] };
  }
  return value();
}

function* nodes(n, p = []) {
  yield [n, p];
  if (n.kind === "object") for (const e of n.entries) yield* nodes(e.value, [...p, e.key]);
  if (n.kind === "array") for (let k = 0; k < n.items.length; k++) yield* nodes(n.items[k], [...p, k]);
}
const hasDuplicateKey = (tree) => {
  for (const [n] of nodes(tree)) {
    if (n.kind !== "object") continue;
    const seen = new Set();
    for (const e of n.entries) { if (seen.has(e.key)) return true; seen.add(e.key); }
  }
  return false;
};
const hasLoneSurrogate = (tree) => {
  for (const [n] of nodes(tree)) {
    if (n.kind === "string" && n.lone) return true;
    if (n.kind === "object" && n.entries.some((e) => e.keyNode.lone)) return true;
  }
  return false;
};
const isUtf8 = (bytes) => {
  try { new TextDecoder("utf-8", { fatal: true }).decode(bytes); return true; } catch { return false; }
};
// Nesting depth of a document, counted on its text (iteratively: the
// edge cases nest 100,000 deep).
function rawDepth(text) {
  let d = 0, max = 0, inStr = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inStr) { if (ch === "\\") i++; else if (ch === '"') inStr = false; continue; }
    if (ch === '"') inStr = true;
    else if (ch === "{" || ch === "[") { if (++d > max) max = d; }
    else if (ch === "}" || ch === "]") d--;
  }
  return max;
}
const utf8len = (s) => Buffer.byteLength(s, "utf8");
const cplen = (s) => [...s].length;

// hookc's error path ("Data.Integration.Name", "Events[3].Value.Id") in
// the scanned tree: first occurrence of a key, as hookc reads in order.
function atHookPath(tree, p) {
  let n = tree;
  let rest = p === "-" ? "" : p;
  while (rest) {
    if (n.kind === "array") {
      const m = /^\[(\d+)\]\.?/.exec(rest);
      if (!m) return null;
      n = n.items[+m[1]]; rest = rest.slice(m[0].length);
    } else if (n.kind === "object") {
      let best = null;
      for (const e of n.entries) {
        if (rest.startsWith(e.key) && (rest.length === e.key.length || ".[".includes(rest[e.key.length]))
          && (!best || e.key.length > best.key.length)) best = e;
      }
      if (!best) return null;
      n = best.value; rest = rest.slice(best.key.length);
      if (rest[0] === ".") rest = rest.slice(1);
    } else return null;
    if (!n) return null;
  }
  return n;
}
// ajv's instancePath (a JSON pointer) in the scanned tree: last
// occurrence of a key, as JSON.parse keeps the last.
function atPointer(tree, ptr) {
  let n = tree;
  for (const raw of ptr.split("/").slice(1)) {
    const k = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (n.kind === "array") n = n.items[+k];
    else if (n.kind === "object") {
      const es = n.entries.filter((e) => e.key === k);
      n = es.length ? es[es.length - 1].value : undefined;
    } else return null;
    if (!n) return null;
  }
  return n;
}

// --- hookc's value rules, ported from runtime/values.c --------------------

function hookDateTime(s) {
  const b = Buffer.from(s, "utf8").toString("latin1");
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|[+-](\d{2}):(\d{2}))$/.exec(b);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = [31, mo === 2 && leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (mo < 1 || mo > 12 || d < 1 || d > dim || h > 23 || mi > 59 || se > 59) return false;
  if (m[8] !== undefined && (+m[8] > 23 || +m[9] > 59)) return false;
  return true;
}
function hookEmail(s) {
  const b = Buffer.from(s, "utf8");
  if (!isUtf8(b)) return false;
  const at = b.indexOf(0x40);
  const len = b.length;
  if (at <= 0 || at > 64 || at >= len - 1 || len - at - 1 > 253) return false;
  const atext = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c >= 0x80 || (c !== 0 && "!#$%&'*+/=?^_`{|}~-".includes(String.fromCharCode(c)));
  const labelc = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x2d || c >= 0x80;
  if (b[0] === 0x2e || b[at - 1] === 0x2e) return false;
  for (let i = 0; i < at; i++) if (b[i] === 0x2e ? b[i + 1] === 0x2e : !atext(b[i])) return false;
  let label = 0, labels = 1;
  for (let i = at + 1; i < len; i++) {
    if (b[i] === 0x2e) {
      if (label === 0 || b[i - 1] === 0x2d) return false;
      label = 0; labels++; continue;
    }
    if (!labelc(b[i]) || (label === 0 && b[i] === 0x2d)) return false;
    if (++label > 63) return false;
  }
  return label > 0 && b[len - 1] !== 0x2d && labels >= 2;
}
const ajvDateTime = (s) => fullFormats["date-time"].validate(s);
const ajvEmail = (s) => fullFormats.email.test(s);

// --- the exported JSON Schemas --------------------------------------------

// Strict mode: strictSchema (an unknown keyword or a malformed schema in
// the export is an error, not ignored), strictNumbers (NaN/Infinity are
// not numbers) and strictTuples stay on. Turned off, with reasons:
//   strictRequired: the export's if/then rules say `required` for
//     members whose types live in the sibling `properties`, as draft
//     2020-12 intends; ajv's strictRequired wants them repeated.
//   strictTypes: `then` and `oneOf` branches constrain an object without
//     restating "type": "object"; also legitimate.
// allowUnionTypes: a nullable member is "type": ["string", "null"].
// allErrors: every error is reported, so a classifier can see them all.
// Formats: ajv-formats "full" mode (the default), as the docs advise.
function compileSchemas() {
  const dir = path.join(WORK, "schemas");
  fs.mkdirSync(dir, { recursive: true });
  const out = {};
  for (const pkg of PACKAGES) {
    const r = spawnSync(HOOKC, ["--emit", "jsonschema", "-o", dir, path.join(ROOT, pkg.schema)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`hookc --emit jsonschema ${pkg.schema}: ${r.stderr}`);
    const schema = JSON.parse(fs.readFileSync(path.join(dir, `${pkg.name}.schema.json`), "utf8"));
    const ajv = new Ajv2020({
      strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true,
      allErrors: true, validateFormats: true,
    });
    addFormats(ajv);
    // JSON.parse rounds int bounds near 2^63; the generator reads them exactly
    const exact = exactJson(scan(fs.readFileSync(path.join(dir, `${pkg.name}.schema.json`), "utf8")));
    out[pkg.name] = { schema, exact, validate: ajv.compile(schema), info: analyse(schema) };
  }
  return out;
}

// A scanned document as JS values, integers as BigInt (exact).
function exactJson(n) {
  if (n.kind === "object") return Object.fromEntries(n.entries.map((e) => [e.key, exactJson(e.value)]));
  if (n.kind === "array") return n.items.map(exactJson);
  if (n.kind === "number") return /^-?\d+$/.test(n.raw) ? BigInt(n.raw) : Number(n.raw);
  return n.value;
}

// What the classifiers and the generator need to know of a schema: the
// tags (member name, known values, open or not, body member) per $defs
// entry.
function analyse(schema) {
  const tags = [];
  for (const [name, def] of Object.entries(schema.$defs)) {
    const rules = (def.allOf || []).filter((r) => r.if && r.if.properties);
    if (!rules.length) continue;
    const prop = Object.keys(rules[0].if.properties)[0];
    const values = rules.map((r) => r.if.properties[prop].const);
    const ps = def.properties[prop];
    const body = Object.keys(def.properties).find((k) => (def.properties[k].$ref || "").endsWith(".body"));
    tags.push({ def: name, prop, values, open: !ps.enum, body: body || null });
  }
  return { tags };
}

// --- verdicts on one input ------------------------------------------------

function ajvVerdict(compiled, bytes) {
  const text = Buffer.from(bytes).toString("utf8"); // what a Node server does
  let doc;
  try { doc = JSON.parse(text); } catch (e) {
    return { text, syntax: true, ok: false, error: e.message };
  }
  const ok = compiled.validate(doc);
  return { text, doc, ok, errors: ok ? [] : compiled.validate.errors };
}

// --- the known difference classes -----------------------------------------
// Each has the direction it explains (hookc's verdict / ajv's) and a
// predicate computed on the input: by our own scan, by hookc's rules
// ported above, or by re-running ajv on the input changed the way hookc
// reads it. A disagreement must match exactly one.

const MAX_DEPTH = 64; // HOOK_MAX_DEPTH; see tests/conformance/edges.cases

const CLASSES = [
  {
    id: "duplicate-key",
    what: "a member sent twice: JSON.parse keeps the last, hookc refuses (DUPLICATE)",
    hook: false, ajv: true,
    test: (c) => hasDuplicateKey(c.tree) && c.hook.code === "DUPLICATE",
  },
  {
    id: "byte-length",
    what: "maxLength counts code points, hookc's bound UTF-8 bytes",
    hook: false, ajv: true,
    test: (c) => {
      if (c.hook.code !== "TOO_LONG") return false;
      const n = atHookPath(c.tree, c.hook.path);
      const bound = +/longer than (\d+) bytes/.exec(c.hook.message)?.[1];
      return n && n.kind === "string" && cplen(n.value) <= bound && utf8len(n.value) > bound;
    },
  },
  {
    id: "encoding",
    what: "invalid UTF-8 (decoded to U+FFFD by Node) or a lone surrogate escape (kept by JSON.parse); hookc refuses (ENCODING)",
    hook: false, ajv: true,
    test: (c) => c.hook.code === "ENCODING" && (!isUtf8(c.bytes) || hasLoneSurrogate(c.tree)),
  },
  {
    id: "depth-limit",
    what: `nesting deeper than HOOK_MAX_DEPTH (${MAX_DEPTH}): a runtime limit the export does not state`,
    hook: false, ajv: true,
    test: (c) => c.hook.code === "TOO_DEEP" && c.depth > MAX_DEPTH,
  },
  {
    id: "date-time-format",
    what: "a date-time ajv-formats and hookc's RFC 3339 rule judge differently",
    test: (c) => formatDiff(c, "date-time", hookDateTime, ajvDateTime, "not a valid RFC 3339 date-time"),
  },
  {
    id: "email-format",
    what: "an e-mail address ajv-formats and hookc's RFC 5321 rule judge differently",
    test: (c) => formatDiff(c, "email", hookEmail, ajvEmail, "not a valid e-mail address"),
  },
  {
    id: "int64-precision",
    what: "an integer past 2^53 at an int bound: JSON.parse rounds it to a double, so ajv compares doubles where hookc compares exactly",
    test: (c) => {
      if (!c.hook.ok) {
        const b = /^integer out of range \[(-?\d+), (-?\d+)\]$/.exec(c.hook.message);
        const n = atHookPath(c.tree, c.hook.path);
        if (!b || !n || n.kind !== "number" || !/^-?\d+$/.test(n.raw)) return false;
        const v = BigInt(n.raw), lo = BigInt(b[1]), hi = BigInt(b[2]);
        const exact = lo <= v && v <= hi;
        const double = Number(b[1]) <= Number(n.raw) && Number(n.raw) <= Number(b[2]);
        return !exact && double;
      }
      const es = c.ajv.errors;
      return es.length > 0 && es.every((e) => {
        const n = atPointer(c.tree, e.instancePath);
        return ["minimum", "maximum"].includes(e.keyword) && n && n.kind === "number" &&
          /^-?\d+$/.test(n.raw) && BigInt(n.raw) !== BigInt(Number(n.raw));
      });
    },
  },
  {
    id: "integer-spelling",
    what: "an integral value spelt with a fraction or exponent (1.0, 1E2): an integer to JSON Schema, not to hookc",
    hook: false, ajv: true,
    test: (c) => {
      const n = atHookPath(c.tree, c.hook.path);
      return c.hook.code === "VALUE" && c.hook.message === "expected an integer, without fraction or exponent" &&
        n && n.kind === "number" && /[.eE]/.test(n.raw) && Number.isInteger(Number(n.raw));
    },
  },
  {
    id: "decimal-range",
    what: "a decimal whose digits do not fit in an int64_t mantissa, or whose stored exponent passes ±HOOK_DECIMAL_EXP (100000): hookc refuses, JSON Schema's number takes it",
    hook: false, ajv: true,
    test: (c) => {
      const n = atHookPath(c.tree, c.hook.path);
      if (c.hook.code !== "VALUE" || !/^decimal /.test(c.hook.message) || !n || n.kind !== "number") return false;
      const m = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(n.raw);
      const mant = BigInt((m[1] + (m[2] || "")).replace(/^0+(?=\d)/, ""));
      const exp = BigInt(m[3] || 0) - BigInt((m[2] || "").length);
      // runtime/parse.c: the mantissa must fit in int64_t, and the
      // exponent it is stored with within +-100000
      const neg = n.raw.startsWith("-");
      return mant > 2n ** 63n - (neg ? 0n : 1n) || exp > 100000n || exp < -100000n;
    },
  },
  {
    id: "number-overflow",
    what: "a number past the double range (1e400): JSON.parse makes it Infinity, which is not a JSON Schema number; hookc reads it (decimal, or a skipped member)",
    hook: true, ajv: false,
    test: (c) => c.ajv.errors.every((e) => {
      const n = atPointer(c.tree, e.instancePath);
      return e.keyword === "type" && n && n.kind === "number" && !Number.isFinite(Number(n.raw));
    }),
  },
  {
    id: "open-tag-tag-first",
    what: "an open tag's unknown value sent before its body (or before the members beside an inline tag): hookc then only checks their JSON syntax, JSON Schema still types them against the merged members",
    hook: true, ajv: false,
    test: (c) => ajvAcceptsWithout(c, droppedPointers(c, "open")),
  },
  {
    id: "foreign-member-skipped",
    what: "under `unknown skip`, a body member another variant declares, in a body sent after a known tag value: hookc skips it (syntax only), JSON Schema types it by the merged body",
    hook: true, ajv: false,
    test: (c) => ajvAcceptsWithout(c, droppedPointers(c, "foreign")),
  },
];

// The value a format error is about: at hookc's error path when hookc
// refused, at ajv's format error when ajv refused.
function formatDiff(c, format, hookRule, ajvRule, hookMessage) {
  if (!c.hook.ok && c.ajv.ok) {
    if (c.hook.code !== "VALUE" || c.hook.message !== hookMessage) return false;
    const n = atHookPath(c.tree, c.hook.path);
    return !!n && n.kind === "string" && !hookRule(n.value) && ajvRule(n.value);
  }
  if (c.hook.ok && !c.ajv.ok) {
    const fmt = c.ajv.errors.filter((e) => e.keyword === "format");
    if (!fmt.length || !fmt.every((e) => e.params.format === format)) return false;
    const dropped = [...droppedPointers(c, "open"), ...droppedPointers(c, "foreign")];
    if (fmt.some((e) => dropped.some((d) => e.instancePath === d || e.instancePath.startsWith(d + "/")))) return false;
    if (!fmt.every((e) => { const n = atPointer(c.tree, e.instancePath); return n && n.kind === "string" && hookRule(n.value) && !ajvRule(n.value); })) return false;
    // and ajv accepts once those values are ones both accept
    const good = format === "email" ? "a@example.com" : "2024-02-29T12:00:00Z";
    const doc = structuredClone(c.ajv.doc);
    for (const e of fmt) setPointer(doc, e.instancePath, good);
    return c.validate(doc);
  }
  return false;
}
function setPointer(doc, ptr, v) {
  const ks = ptr.split("/").slice(1).map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
  let o = doc;
  for (const k of ks.slice(0, -1)) o = o[k];
  o[ks[ks.length - 1]] = v;
}
// What hookc reads past without checking its type, as JSON pointers:
//   "open":    after an open tag's unknown value, a body that comes after
//              the tag (hookc checks only its JSON syntax and keeps {});
//   "foreign": after a known tag value, under `unknown skip`, the body's
//              members that the selected variant does not declare but
//              another one does (hookc skips them, syntax only).
// "open" also covers the members after an inline open tag's unknown value.
function droppedPointers(c, which) {
  const out = [];
  const esc = (k) => String(k).replace(/~/g, "~0").replace(/\//g, "~1");
  const walkTree = (t, ptr) => {
    if (t.kind === "array") { t.items.forEach((x, i) => walkTree(x, `${ptr}/${i}`)); return; }
    if (t.kind !== "object") return;
    const last = (k) => { const es = t.entries.filter((e) => e.key === k); return es.length ? es[es.length - 1] : null; };
    const index = (k) => t.entries.findIndex((e) => e.key === k);
    const skip = new Set();
    for (const tag of c.info.tags) {
      const te = last(tag.prop);
      if (!te || te.value.kind !== "string") continue;
      const v = te.value.value, ti = index(tag.prop);
      const known = tag.values.includes(v);
      // Beside an inline open tag whose value is unknown, hookc skips the
      // members that come after the tag (syntax only), as for a body.
      if (!tag.body) {
        if (which === "open" && tag.open && !known)
          t.entries.forEach((e, i) => {
            if (i > ti && e.key !== tag.prop) { out.push(`${ptr}/${esc(e.key)}`); skip.add(e.key); }
          });
        continue;
      }
      if (which === "open" && tag.open && !known) {
        t.entries.forEach((e, i) => {
          if (i > ti && e.key === tag.body) { out.push(`${ptr}/${esc(e.key)}`); skip.add(e.key); }
        });
      }
      if (which === "foreign" && known && !c.rejects(tag)) {
        const declared = c.declared(tag, v), merged = c.merged(tag);
        const be = last(tag.body);
        if (be && index(tag.body) > ti && be.value.kind === "object")
          for (const e of be.value.entries)
            if (!declared.has(e.key) && merged.has(e.key)) out.push(`${ptr}/${esc(tag.body)}/${esc(e.key)}`);
      }
    }
    for (const e of t.entries) if (!skip.has(e.key)) walkTree(e.value, `${ptr}/${esc(e.key)}`);
  };
  walkTree(c.tree, "");
  return out;
}
// hookc accepted, ajv refused: does ajv accept once the members hookc
// does not check are removed (an unknown open tag's body becomes {})?
function ajvAcceptsWithout(c, pointers) {
  if (!c.hook.ok || c.ajv.ok || !pointers.length) return false;
  const doc = structuredClone(c.ajv.doc);
  for (const p of pointers.sort().reverse()) {
    const ks = p.split("/").slice(1).map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    let o = doc;
    for (const k of ks.slice(0, -1)) o = o?.[k];
    if (!o) continue;
    const k = ks[ks.length - 1];
    const isBody = c.info.tags.some((t) => t.body === k);
    if (isBody) o[k] = {}; else delete o[k];
  }
  return c.validate(doc);
}

// The members each variant declares, read from the .hookc source (the
// export states only the required ones under `unknown skip`). A small
// reader of the records and tags of the schema language.
function readVariants(file) {
  const src = fs.readFileSync(path.join(ROOT, file), "utf8").replace(/#[^\n]*/g, "");
  const records = {};
  const recRe = /\b(?:record|message)\s+(\w+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g;
  let m;
  const tags = {};
  while ((m = recRe.exec(src))) {
    const body = m[2];
    const members = new Set();
    for (const mm of body.replace(/\btag[\s\S]*?\{[^}]*\}/g, "").matchAll(/(?:^|;|\s)("(?:[^"\\]|\\.)*"|\w+)\s*:/g))
      members.add(mm[1].startsWith('"') ? mm[1].slice(1, -1).replace(/\\(.)/g, "$1") : mm[1]);
    records[m[1]] = members;
    const t = /\btag\s+("(?:[^"\\]|\\.)*"|\w+)[^{]*\{([^}]*)\}/.exec(body);
    if (t) {
      const vs = {};
      for (const v of t[2].matchAll(/("(?:[^"\\]|\\.)*"|\w+)\s*(?::\s*(\w+))?[^;]*;/g))
        vs[v[1].startsWith('"') ? v[1].slice(1, -1) : v[1]] = v[2] || null;
      tags[t[1]] = vs;
    }
  }
  return { records, tags };
}

// --- the generator --------------------------------------------------------

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (xs) => xs[next.int(xs.length)];
  next.chance = (p) => next() < p;
  return next;
}

// Generated values: objects keep their members in order and may repeat
// one; every node remembers the JSON Schema it was made from.
class Obj { constructor(schema) { this.schema = schema; this.entries = []; } }
class Arr { constructor(schema) { this.schema = schema; this.items = []; } }
class Leaf { constructor(schema, value, raw) { this.schema = schema; this.value = value; this.raw = raw; } }
const BAD_UTF8 = "\uE000"; // stands for the bytes C0 AF in the output

function serialise(n) {
  if (n instanceof Obj) return "{" + n.entries.map(([k, v]) => JSON.stringify(k) + ":" + serialise(v)).join(",") + "}";
  if (n instanceof Arr) return "[" + n.items.map(serialise).join(",") + "]";
  return n.raw !== undefined ? n.raw : JSON.stringify(n.value);
}
function toBytes(text) {
  const parts = text.split(BAD_UTF8);
  const bufs = [];
  parts.forEach((p, i) => { if (i) bufs.push(Buffer.from([0xc0, 0xaf])); bufs.push(Buffer.from(p, "utf8")); });
  return Buffer.concat(bufs);
}

function makeGenerator(schema, r) {
  const resolve = (s) => { while (s && s.$ref) s = schema.$defs[s.$ref.replace("#/$defs/", "")]; return s; };
  const hex = "0123456789abcdefABCDEF";
  const uuid = () => {
    const h = (n) => Array.from({ length: n }, () => r.pick(r.chance(0.8) ? hex.slice(0, 16) : hex)).join("");
    return `${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}`;
  };
  const p2 = (n) => String(n).padStart(2, "0");
  const dateTime = () => {
    const y = 1970 + r.int(80), mo = 1 + r.int(12);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const d = 1 + r.int([31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]);
    const frac = r.chance(0.3) ? "." + String(r.int(1e9)).padStart(9, "0").slice(0, 1 + r.int(9)) : "";
    const off = r.chance(0.6) ? r.pick(["Z", "z"]) : `${r.pick(["+", "-"])}${p2(r.int(24))}:${p2(r.int(60))}`;
    return `${y}-${p2(mo)}-${p2(d)}${r.pick(["T", "T", "t"])}${p2(r.int(24))}:${p2(r.int(60))}:${p2(r.int(60))}${frac}${off}`;
  };
  const word = (n) => Array.from({ length: n }, () => r.pick("abcdefghijklmnopqrstuvwxyz0123456789")).join("");
  const email = () => `${word(1 + r.int(10))}${r.chance(0.3) ? "." + word(3) : ""}@${word(1 + r.int(8))}.${r.pick(["com", "cz", "io", "example"])}`;
  const text = (max) => {
    const n = r.int(Math.min(max, 20) + 1);
    let s = "";
    while (s.length < n) {
      const c = r.pick(["a", "b", "Z", " ", "7", "é", "€", "😀", '"', "\\", "\n", "\u0001"]);
      if (utf8len(s + c) > max) break;
      s += c;
    }
    return s;
  };
  const isNullable = (s) => (Array.isArray(s.type) && s.type.includes("null")) ||
    (s.anyOf && s.anyOf.some((a) => a.type === "null"));

  function gen(s0, overlay) {
    if (s0.anyOf) {
      if (r.chance(0.2)) return new Leaf(s0, null);
      return gen(s0.anyOf.find((a) => a.type !== "null"), overlay);
    }
    const s = resolve(s0);
    if (s.enum) return new Leaf(s, r.pick(s.enum));
    let type = s.type;
    if (Array.isArray(type)) {
      if (type.includes("null") && r.chance(0.2)) return new Leaf(s, null);
      type = type.find((t) => t !== "null");
    }
    switch (type) {
      case "string":
        if (s.format === "uuid") return new Leaf(s, uuid());
        if (s.format === "date-time") return new Leaf(s, dateTime());
        if (s.format === "email") return new Leaf(s, email());
        return new Leaf(s, text(Number(s.maxLength)));
      case "boolean": return new Leaf(s, r.chance(0.5));
      case "number": return new Leaf(s, undefined, r.pick(["0", "-1", "1.5", "3.14159", "-2.5e3", "1E-7", "9223372036854775807", "0.1", "-0", "1e5"]));
      case "integer": {
        const lo = BigInt(s.minimum), hi = BigInt(s.maximum);
        const span = hi - lo;
        const v = r.chance(0.3) ? r.pick([lo, hi]) : lo + (BigInt(r.int(1 << 30)) * span) / BigInt(1 << 30);
        return new Leaf(s, undefined, String(v));
      }
      case "array": {
        const a = new Arr(s);
        const n = r.int(Math.min(Number(s.maxItems), 4) + 1);
        for (let i = 0; i < n; i++) a.items.push(gen(s.items));
        return a;
      }
      case "object": return genObject(s, overlay);
      default: throw new Error(`generator: no type in ${JSON.stringify(s).slice(0, 200)}`);
    }
  }
  function genObject(s, overlay = {}) {
    const o = new Obj(s);
    const props = s.properties || {};
    const required = new Set([...(s.required || []), ...(overlay.required || [])]);
    const excluded = new Set(overlay.excluded || []);
    const overlays = {};
    if (s.oneOf) {
      const alt = r.pick(s.oneOf);
      (alt.required || []).forEach((k) => required.add(k));
      for (const [k, v] of Object.entries(alt.properties || {})) if (v === false) excluded.add(k);
      for (const a of alt.not?.anyOf || []) a.required.forEach((k) => excluded.add(k));
    }
    for (const [k, v] of Object.entries(overlay.props || {})) if (v === false) excluded.add(k);
    const rules = (s.allOf || []).filter((x) => x.if);
    if (rules.length) {
      const tag = Object.keys(rules[0].if.properties)[0];
      if (!excluded.has(tag)) {
        const open = !props[tag].enum;
        const value = open && r.chance(0.1) ? "Brand" + word(4) : r.pick(rules).if.properties[tag].const;
        o.tagValue = { key: tag, value };
        const rule = rules.find((x) => x.if.properties[tag].const === value);
        const then = rule ? rule.then : {};
        (then.required || []).forEach((k) => required.add(k));
        (then.not?.required || []).forEach((k) => excluded.add(k));
        for (const [k, v] of Object.entries(then.properties || {})) {
          if (v === false) excluded.add(k);
          else overlays[k] = { required: v.required, props: v.properties };
        }
        if (!rule && Object.keys(props).some((k) => (props[k].$ref || "").endsWith(".body"))) {
          // an unknown open value: a body with any of the merged members
        }
        required.add(tag);
        o.entries.push([tag, new Leaf(props[tag], value)]);
      }
    }
    for (const [k, ps] of Object.entries(props)) {
      if (excluded.has(k) || (o.tagValue && k === o.tagValue.key)) continue;
      if (ps === false) continue;
      if (!required.has(k) && !r.chance(0.5)) continue;
      o.entries.push([k, gen(ps, overlays[k])]);
    }
    if (s.additionalProperties !== false && r.chance(0.3))
      o.entries.push(["x-" + word(3), new Leaf(true, undefined, r.pick(["1", '"s"', "[1,{}]", '{"a":null}', "true"]))]);
    if (r.chance(0.4)) shuffle(o.entries);
    return o;
  }
  const shuffle = (xs) => { for (let i = xs.length - 1; i > 0; i--) { const j = r.int(i + 1); [xs[i], xs[j]] = [xs[j], xs[i]]; } };
  return { gen: () => gen(schema), genValue: (s) => gen(s), uuid, dateTime, email, word, shuffle, isNullable, resolve };
}

function allNodes(n, out = [], parent = null, key = null) {
  out.push({ n, parent, key });
  if (n instanceof Obj) n.entries.forEach((e, i) => allNodes(e[1], out, n, i));
  if (n instanceof Arr) n.items.forEach((v, i) => allNodes(v, out, n, i));
  return out;
}
const replace = (parent, key, v) => { if (parent instanceof Obj) parent.entries[key][1] = v; else parent.items[key] = v; };

// One mutation of a valid message, in place; returns its name, or null
// when the message has nothing it applies to.
function mutate(msg, g, r, info) {
  const all = allNodes(msg);
  const objs = all.filter((x) => x.n instanceof Obj);
  const leaves = all.filter((x) => x.n instanceof Leaf && x.parent);
  const strings = (pred) => leaves.filter((x) => typeof x.n.value === "string" && x.n.schema && pred(g.resolve(x.n.schema) || {}));
  const M = {
    "drop-member": () => {
      const o = r.pick(objs.filter((x) => x.n.entries.length));
      if (!o) return false;
      o.n.entries.splice(r.int(o.n.entries.length), 1);
    },
    "wrong-type": () => {
      const x = r.pick(all.filter((x) => x.parent));
      if (!x) return false;
      replace(x.parent, x.key, new Leaf(null, undefined, r.pick(["1", '"s"', "[]", "{}", "true", "null", "-0.5"])));
    },
    "bad-uuid": () => {
      const x = r.pick(strings((s) => s.format === "uuid"));
      if (!x) return false;
      const u = x.n.value;
      x.n.value = r.pick([u.replace(/[0-9a-f]/i, "g"), u.replace("-", ""), "urn:uuid:" + u, "{" + u + "}", u + " ", u.slice(0, 35), u.replace(/-/g, ""), ""]);
    },
    "bad-date": () => {
      const x = r.pick(strings((s) => s.format === "date-time"));
      if (!x) return false;
      x.n.value = r.pick(["2024-02-30T12:00:00Z", "2023-02-29T00:00:00Z", "2024-01-01T24:00:00Z", "2016-12-31T23:59:60Z",
        "2024-01-01T12:00:00", "2024-01-01 12:00:00Z", "2024-01-01T12:00:00+0100", "2024-01-01T12:00:00+01",
        "2024-01-01t12:00:00z", "2024-01-01T12:00:00.1234567891Z", "0000-01-01T00:00:00Z", "2024-01-01T12:00:00.Z",
        "2024-01-01T12:00:00,5Z", "2024-1-01T12:00:00Z", "2024-01-01T12:00Z", "2024-01-01T12:00:00+24:00",
        "2024-01-01T12:00:00-00:00", "2024-01-01T23:59:60+00:00", "2024-01-01T12:00:00.000000000Z", "now"]);
    },
    "bad-email": () => {
      const x = r.pick(strings((s) => s.format === "email"));
      if (!x) return false;
      x.n.value = r.pick(["plain", "a@b", "a..b@example.com", ".a@example.com", "a.@example.com", "\"q\"@example.com",
        "a@[127.0.0.1]", "a@-x.com", "a@x-.com", "a b@example.com", "δοκιμή@example.com", "a@exämple.com",
        "a@example..com", "a@example.com.", "a@@example.com", "x".repeat(65) + "@example.com",
        "a@" + "x".repeat(64) + ".com", "a+tag@example.com", "A@EXAMPLE.COM", "a@1.2", "user@localhost"]);
    },
    "unknown-member": () => {
      const o = r.pick(objs);
      o.n.entries.splice(r.int(o.n.entries.length + 1), 0, [r.pick(["Unknown", "zz", "", "\u0000", "Id2", "é"]), new Leaf(true, undefined, r.pick(["1", "{}", '"v"', "null"]))]);
    },
    "swap-order": () => {
      const o = r.pick(objs.filter((x) => x.n.entries.length > 1));
      if (!o) return false;
      o.n.entries.reverse();
    },
    "unknown-tag": () => {
      const o = r.pick(objs.filter((x) => x.n.tagValue));
      if (!o) return false;
      const e = o.n.entries.find((e) => e[0] === o.n.tagValue.key);
      e[1] = new Leaf(e[1].schema, r.pick(["Brand" + g.word(3), "", "x".repeat(200), o.n.tagValue.value.toLowerCase(), o.n.tagValue.value + " "]));
      if (r.chance(0.5)) g.shuffle(o.n.entries);
    },
    "duplicate-key": () => {
      const o = r.pick(objs.filter((x) => x.n.entries.length));
      if (!o) return false;
      const e = r.pick(o.n.entries);
      o.n.entries.push([e[0], r.chance(0.5) ? e[1] : new Leaf(null, undefined, r.pick(["1", '"s"', "null"]))]);
    },
    "long-string": () => {
      const x = r.pick(strings((s) => s.maxLength && !s.format));
      if (!x) return false;
      const n = Number(g.resolve(x.n.schema).maxLength);
      x.n.value = r.pick([() => "€".repeat(n), () => "a".repeat(n + 1), () => "é".repeat(n), () => "😀".repeat(Math.ceil(n / 2)), () => "a".repeat(n)])();
    },
    "int-edge": () => {
      const x = r.pick(leaves.filter((x) => x.n.schema && (g.resolve(x.n.schema) || {}).type === "integer"));
      if (!x) return false;
      const s = g.resolve(x.n.schema), lo = BigInt(s.minimum), hi = BigInt(s.maximum);
      x.n.raw = r.pick([String(lo - 1n), String(hi + 1n), String(hi) + ".0", String(lo) + "e0", "1.5", String(hi + 1000n), String(lo - 1000n), "-0", "1E2"]);
    },
    "number-edge": () => {
      const x = r.pick(leaves.filter((x) => x.n.schema && (g.resolve(x.n.schema) || {}).type === "number"));
      if (!x) return false;
      x.n.raw = r.pick(["1e400", "-1e400", "1e-400", "123456789012345678901234567890", "0.000000000000000000001", "-0.0",
        "1E+308", "12345678901234567890", "9223372036854775808", "1.00000000000000000000", "1e100001", "1e-100001", "1e100000"]);
    },
    "array-bound": () => {
      const x = r.pick(all.filter((x) => x.n instanceof Arr && Number(x.n.schema.maxItems) <= 50 && x.n.items.length));
      if (!x) return false;
      while (x.n.items.length <= Number(x.n.schema.maxItems)) x.n.items.push(x.n.items[0]);
    },
    "encoding": () => {
      const x = r.pick(leaves.filter((x) => typeof x.n.value === "string"));
      if (!x) return false;
      x.n.raw = r.pick(['"\\ud800"', '"a\\udc00b"', `"${BAD_UTF8}"`, '"\\ud83d\\ude00"']);
    },
    "union-keys": () => {
      // a key of another alternative, or none of any
      const o = r.pick(objs.filter((x) => x.n.schema && x.n.schema.oneOf));
      if (!o) return false;
      const alt = r.pick(o.n.schema.oneOf);
      if (r.chance(0.3)) { o.n.entries = o.n.entries.filter(([k]) => !(alt.required || []).includes(k)); return; }
      const k = r.pick(alt.required);
      if (o.n.entries.some(([x]) => x === k)) return false;
      o.n.entries.push([k, g.genValue(o.n.schema.properties[k])]);
    },
    "deep": () => {
      const o = r.pick(objs);
      const d = r.pick([10, 63, 64, 65, 100]);
      o.n.entries.push(["deep", new Leaf(true, undefined, "[".repeat(d) + "]".repeat(d))]);
    },
  };
  const names = Object.keys(M);
  for (let tries = 0; tries < 8; tries++) {
    const name = r.pick(names);
    if (M[name]() !== false) return name;
  }
  return null;
}

// --- main -----------------------------------------------------------------

function main() {
  const compiled = compileSchemas();
  const variants = {};
  for (const pkg of PACKAGES) variants[pkg.name] = readVariants(pkg.schema);

  // The test cases, per package.
  const cases = Object.fromEntries(PACKAGES.map((p) => [p.name, new Map()]));
  const expect = new Map();
  for (const m of MANIFESTS) {
    const dir = path.dirname(m.file);
    for (const line of fs.readFileSync(path.join(ROOT, m.file), "utf8").split("\n")) {
      const t = line.trim();
      if (!t || t.startsWith("#")) continue;
      const [f, verdict] = t.split(/\s+/);
      const file = path.join(dir, f);
      if (!fs.existsSync(path.join(ROOT, file))) { console.log(`note: ${m.file} lists ${f}, which is missing`); continue; }
      for (const p of m.pkgs) cases[p].set(file, { source: path.basename(m.file) });
      expect.set(`${m.pkgs[0]}:${file}`, verdict === "ok");
    }
  }
  for (const d of CASE_DIRS)
    for (const f of walk(path.join(ROOT, d.dir))) {
      const file = path.relative(ROOT, f);
      for (const p of d.pkgs) if (!cases[p].has(file)) cases[p].set(file, { source: "unlisted" });
    }

  const rows = [];
  const unexplained = [];
  const classCounts = Object.fromEntries(CLASSES.map((c) => [c.id, 0]));
  let failed = 0, passed = 0;
  const corpusDir = path.join(WORK, "corpus");
  fs.mkdirSync(corpusDir, { recursive: true });

  for (const pkg of PACKAGES) {
    const cs = compiled[pkg.name];
    const vs = variants[pkg.name];
    const ctxBase = {
      pkg: pkg.name, schema: cs.schema, info: cs.info, validate: (d) => cs.validate(d),
      declared: (tag, value) => {
        const rec = vs.tags[tag.prop]?.[value];
        return rec === undefined ? null : new Set(rec ? vs.records[rec] : []);
      },
      // a tag's policy: reject when its record (or body) forbids extras
      rejects: (tag) => {
        const def = cs.schema.$defs[tag.def];
        const body = tag.body ? cs.schema.$defs[def.properties[tag.body].$ref.replace("#/$defs/", "")] : def;
        return body.additionalProperties === false;
      },
      merged: (tag) => new Set(Object.values(vs.tags[tag.prop] || {}).flatMap((rec) => (rec ? [...vs.records[rec]] : []))),
    };
    const row = { pkg: pkg.name, cases: 0, gen: 0, agree: 0, syntax: 0, byClass: {}, unexplained: 0, ambiguous: 0 };
    rows.push(row);

    const judge = (name, bytes, hook, origin) => {
      const ajv = ajvVerdict(cs, bytes);
      if (ajv.syntax) {
        row.syntax++;
        if (!hook.ok) { row.agree++; return; }
        unexplained.push({ pkg: pkg.name, name, origin, hook, ajv: "JSON.parse: " + ajv.error });
        row.unexplained++;
        return;
      }
      if (hook.ok === ajv.ok) { row.agree++; return; }
      const depth = rawDepth(ajv.text);
      // the scanner recurses: past 1000 levels only the depth is known
      const tree = depth <= 1000 ? scan(ajv.text) : { kind: "deep", entries: [], items: [] };
      const c = { ...ctxBase, bytes, text: ajv.text, tree, depth, hook, ajv };
      const hits = CLASSES.filter((k) => (k.hook === undefined || k.hook === hook.ok) &&
        (k.ajv === undefined || k.ajv === ajv.ok) && k.test(c));
      if (hits.length === 1) {
        row.byClass[hits[0].id] = (row.byClass[hits[0].id] || 0) + 1;
        classCounts[hits[0].id]++;
        if (VERBOSE) console.log(`  ${hits[0].id}: ${pkg.name} ${name}`);
        return;
      }
      if (hits.length > 1) row.ambiguous++; else row.unexplained++;
      unexplained.push({
        pkg: pkg.name, name, origin, hook, classes: hits.map((h) => h.id),
        ajv: ajv.ok ? "valid" : ajv.errors.map((e) => `${e.instancePath || "/"} ${e.keyword} ${e.message}`).slice(0, 4).join("; "),
        input: ajv.text.length > 400 ? ajv.text.slice(0, 400) + "..." : ajv.text,
      });
    };

    // 1. test case files
    const files = [...cases[pkg.name].keys()];
    if (files.length) {
      const hv = runCheck(pkg.check, files.map((f) => path.join(ROOT, f)), false);
      for (const f of files) {
        const h = hv.get(path.join(ROOT, f));
        if (!h) throw new Error(`${pkg.check}: no verdict for ${f}`);
        const want = expect.get(`${pkg.name}:${f}`);
        if (want !== undefined && want !== h.ok)
          console.log(`note: ${pkg.name}-check says ${h.ok ? "ok" : h.code} on ${f}, its manifest ${want ? "ok" : "an error"}`);
        row.cases++;
        judge(f, fs.readFileSync(path.join(ROOT, f)), h, "case");
      }
    }

    // 2. generated corpora: valid messages and one-mutation messages
    const r = rng(SEED ^ [...pkg.name].reduce((a, ch) => a * 31 + ch.charCodeAt(0), 7));
    const g = makeGenerator(cs.exact, r);
    const msgs = [];
    for (let i = 0; i < PER_SCHEMA; i++) {
      const m = g.gen();
      let kind = "valid";
      if (i % 3 !== 0) kind = mutate(m, g, r, cs.info) || "valid";
      msgs.push({ kind, bytes: toBytes(serialise(m)) });
    }
    const corpus = path.join(corpusDir, `${pkg.name}.ndjson`);
    fs.writeFileSync(corpus, Buffer.concat(msgs.flatMap((m) => [m.bytes, Buffer.from("\n")])));
    const hv = runCheck(pkg.check, [corpus], true);
    msgs.forEach((m, i) => {
      const h = hv.get(`${corpus}:${i + 1}`);
      if (!h) throw new Error(`${pkg.check}: no verdict for line ${i + 1} of ${corpus}`);
      row.gen++;
      judge(`${path.relative(ROOT, corpus)}:${i + 1} (${m.kind})`, m.bytes, h, "generated");
      // A generated valid message must be valid to both: otherwise the
      // generator or the export is wrong.
      if (m.kind === "valid" && !h.ok) {
        row.unexplained++;
        unexplained.push({ pkg: pkg.name, name: `${corpus}:${i + 1} (valid)`, origin: "generated", hook: h, ajv: "generated as valid", input: m.bytes.toString("utf8").slice(0, 400) });
      }
    });
  }

  // --- report -------------------------------------------------------------
  const classIds = CLASSES.map((c) => c.id).filter((id) => classCounts[id] > 0);
  const head = ["schema", "cases", "generated", "agree", "(both: bad JSON)", ...classIds, "unexplained"];
  const table = rows.map((r) => [r.pkg, r.cases, r.gen, r.agree, r.syntax, ...classIds.map((id) => r.byClass[id] || 0), r.unexplained + r.ambiguous]);
  const w = head.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
  const fmt = (t) => t.map((x, i) => (i ? String(x).padStart(w[i]) : String(x).padEnd(w[i]))).join("  ");
  console.log(fmt(head));
  for (const t of table) console.log(fmt(t));
  console.log("\nknown difference classes (README.md):");
  for (const c of CLASSES) console.log(`  ${c.id.padEnd(24)} ${String(classCounts[c.id]).padStart(6)}  ${c.what}`);
  for (const u of unexplained.slice(0, 40)) {
    console.log(`\nUNEXPLAINED ${u.pkg} ${u.name}${u.classes && u.classes.length ? " (matches " + u.classes.join(", ") + ")" : ""}`);
    console.log(`  hookc: ${u.hook.ok ? "valid" : `${u.hook.code} at '${u.hook.path}': ${u.hook.message}`}`);
    console.log(`  ajv:   ${u.ajv}`);
    if (u.input) console.log(`  input: ${u.input}`);
  }
  if (unexplained.length > 40) console.log(`\n... and ${unexplained.length - 40} more`);
  // One check per schema and source: cases and generated corpora.
  for (const r of rows) {
    const bad = unexplained.filter((u) => u.pkg === r.pkg);
    for (const origin of ["case", "generated"]) {
      if (origin === "case" && !r.cases) continue;
      if (bad.some((u) => u.origin === origin)) failed++; else passed++;
    }
  }
  console.log(`jsonschema: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
