// Injection suite: generates every snippet (native CLI --json, 13 drivers x 3
// deployments) for hostile values in every field, then runs or compiles each
// one with test-double drivers and checks that the injected code never ran
// (no exit status 7, no MARKER file) and that the value the program hands its
// driver is exactly the one intended.
//
//   node tests/injection/run.mjs [path/to/crdb-connect]
//
// Prints each failure, then "injection: N programs checked, M failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { baseParams, fields, hostileValues } from "./hostile.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const cli = process.argv[2] ?? path.join(root, "build/release/core/crdb-connect");
const stubs = path.join(here, "stubs");
const runners = path.join(here, "runners");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "crdb-injection-"));
const python = process.env.CRDB_CONNECT_PYTHON ?? "/usr/bin/python3";
const goPath = process.env.CRDB_CONNECT_GOPATH ?? "/usr/share/gocode";
const jdbcJar = process.env.CRDB_CONNECT_JDBC_JAR ?? "/usr/share/java/postgresql.jar";

let checked = 0;
let refused = 0;  // not-ok outputs whose program stopped with an error instead of connecting
const failures = [];
const fail = (label, message) => failures.push(`${label}: ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 28, ...options });
  if (result.error) throw result.error;
  return result;
}

// --- 1. Generate every output for every case --------------------------------------------------

const cases = [];
for (const [deployment, base] of Object.entries(baseParams)) {
  for (const field of fields) {
    for (const [index, value] of hostileValues.entries()) {
      cases.push({ label: `${deployment} ${field}=#${index}`, params: { ...base, [field]: value } });
    }
  }
}

const programs = [];  // {label, driver, output, params}
for (const c of cases) {
  const args = ["generate", "--json"];
  for (const [flag, value] of Object.entries(c.params)) args.push(`--${flag}`, value);
  const result = run(cli, args);
  if (result.status !== 0 && result.status !== 1) {
    fail(c.label, `the CLI exited with ${result.status}: ${result.stderr}`);
    continue;
  }
  let parsed;
  try {
    parsed = JSON.parse(result.stdout);
  } catch (error) {
    fail(c.label, `the CLI printed invalid JSON: ${error.message}`);
    continue;
  }
  for (const output of parsed.outputs) programs.push({ label: `${c.label} ${output.driver}`, output, params: c.params });
}

// An unknown deployment is an error diagnostic, and the outputs are those of Serverless.
const deploymentOf = (params) =>
  ["serverless", "dedicated", "self-hosted"].includes(params.deployment) ? params.deployment : "serverless";
const envOf = (output) => Object.fromEntries(output.env.map((e) => [e.name, e.value]));
const byDriver = (...ids) => programs.filter((p) => ids.includes(p.output.driver));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function expectEqual(label, what, actual, expected) {
  checked += 1;
  if (!same(actual, expected)) fail(label, `${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

// Runs one of the in-process runners over `items`; a crash or exit 7 fails every item it had not finished.
function runBatch(name, command, args, items, options) {
  const dir = fs.mkdtempSync(path.join(work, `${name}-`));
  const itemsFile = path.join(dir, "items.json");
  fs.writeFileSync(itemsFile, JSON.stringify(items));
  const result = run(command, [...args, itemsFile], { cwd: dir, ...options });
  if (result.status !== 0) {
    const last = [...result.stderr.matchAll(/^case (\d+)$/gm)].pop();
    const culprit = last ? items.find((i) => String(i.id) === last[1]) : undefined;
    fail(culprit?.label ?? name, `${name} exited with status ${result.status}${result.status === 7 ? " (injected code ran)" : ""}: ${result.stderr.slice(-2000)}`);
    return new Map();
  }
  if (fs.existsSync(path.join(dir, "MARKER"))) fail(name, "a snippet created the MARKER file (injected code ran)");
  const out = new Map();
  for (const r of JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8"))) {
    const item = items.find((i) => i.id === r.id);
    if (r.marker) fail(item.label, "created the MARKER file (injected code ran)");
    if (r.error !== null && r.error !== undefined) {
      // Refusing to load is fine for an output the core marked not ok (it only fails to connect).
      checked += 1;
      if (item.ok) fail(item.label, `failed although the output is ok: ${r.error}`);
      else refused += 1;
      continue;
    }
    out.set(r.id, r);
  }
  return out;
}

function writeSnippet(dir, id, name, text) {
  const file = path.join(dir, `${id}-${name}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

// --- 2. JavaScript and TypeScript -----------------------------------------------------------

{
  const jsDir = path.join(work, "js");
  const tsSrc = path.join(work, "ts-src");
  const tsOut = path.join(work, "ts-out");
  const items = [];
  for (const [id, p] of byDriver("node-postgres", "sequelize").entries()) {
    items.push({ id, label: p.label, file: writeSnippet(jsDir, id, "index.js", p.output.snippet), env: envOf(p.output), p });
  }
  const tsItems = [];
  for (const [n, p] of byDriver("typeorm").entries()) {
    const id = 100000 + n;
    writeSnippet(tsSrc, id, "datasource.ts", p.output.snippet);
    tsItems.push({ id, label: p.label, file: path.join(tsOut, `${id}-datasource.js`), env: envOf(p.output), p });
  }
  // Compiled against the real typeorm and @types/node declarations, run against the test doubles.
  fs.symlinkSync(path.join(root, "node_modules"), path.join(tsSrc, "node_modules"));
  const tsc = run(path.join(root, "node_modules/.bin/tsc"),
    ["--target", "es2020", "--module", "commonjs", "--strict", "--skipLibCheck",
     "--types", "node", "--rootDir", tsSrc, "--outDir", tsOut, ...tsItems.map((i) => path.join(tsSrc, path.basename(i.file, ".js") + ".ts"))]);
  checked += 1;
  if (tsc.status !== 0) fail("typeorm", `tsc failed:\n${tsc.stdout.slice(0, 4000)}`);

  const all = [...items, ...tsItems];
  const results = runBatch("node", process.execPath, [path.join(runners, "js_runner.cjs")],
    all.map(({ id, label, file, env, p }) => ({ id, label, file, env, ok: p.output.ok })),
    { env: { ...process.env, NODE_PATH: path.join(stubs, "node") } });
  for (const item of all) {
    const r = results.get(item.id);
    if (!r) continue;
    const { output, params } = item.p;
    const env = envOf(output);
    expectEqual(item.label, "DATABASE_URL", env.DATABASE_URL, output.connectionString);
    const config = r.records.map((x) => x.config);
    if (output.driver !== "typeorm") {
      expectEqual(item.label, "the driver's configuration", config, [output.connectionString]);
      continue;
    }
    const ds = config[0] ?? {};
    expectEqual(item.label, "DataSource url", ds.url, output.connectionString);
    const deployment = deploymentOf(params);
    if (deployment === "serverless") expectEqual(item.label, "extra.options", ds.extra?.options, `--cluster=${params["routing-id"] ?? ""}`);
    if (params["root-cert"]) {
      expectEqual(item.label, "ssl.ca", ds.ssl?.ca, `CERT:${params["root-cert"]}`);
    }
    if (deployment === "self-hosted") {
      expectEqual(item.label, "ssl.cert", ds.ssl?.cert, `CERT:${params["client-cert"]}`);
      expectEqual(item.label, "ssl.key", ds.ssl?.key, `CERT:${params["client-key"]}`);
    }
  }
}

// --- 3. Python: psycopg2, SQLAlchemy, Django, and hibernate.cfg.xml through xml.etree -------------

{
  const dir = path.join(work, "py");
  const items = [];
  for (const [id, p] of byDriver("psycopg2", "sqlalchemy", "django", "hibernate").entries()) {
    const kind = p.output.driver === "django" ? "django" : p.output.driver === "hibernate" ? "hibernate" : "url";
    const name = kind === "hibernate" ? "hibernate.cfg.xml" : "main.py";
    items.push({ id, label: p.label, kind, file: writeSnippet(dir, id, name, p.output.snippet), env: envOf(p.output), p });
  }
  const results = runBatch("python", python, [path.join(runners, "py_runner.py")],
    items.map(({ id, label, kind, file, env, p }) => ({ id, label, kind, file, env, ok: p.output.ok })),
    { env: { ...process.env, PYTHONPATH: path.join(stubs, "python") } });
  for (const item of items) {
    const r = results.get(item.id);
    if (!r) continue;
    const { output, params } = item.p;
    if (item.kind === "url") {
      expectEqual(item.label, "the DSN", r.used, [output.connectionString]);
    } else if (item.kind === "hibernate") {
      expectEqual(item.label, "hibernate.connection.url", r.used, [output.connectionString]);
    } else {
      expectEqual(item.label, "DATABASES", r.used, djangoExpected(params));
    }
  }
}

// What Django must receive: the raw values, never percent-encoded. Certificate
// paths go through os.path.expandvars (documented in the output's notes); the
// hostile values contain no $NAME that exists in the environment, so they
// arrive unchanged.
function djangoExpected(params) {
  const d = deploymentOf(params);
  const entry = { ENGINE: "django_cockroachdb", NAME: params.database || "defaultdb", USER: params.user ?? "" };
  if (d !== "self-hosted") entry.PASSWORD = params.password ?? "";
  entry.HOST = params.host ?? "";
  entry.PORT = params.port || "26257";
  const options = { sslmode: "verify-full" };
  if (d === "serverless") options.options = `--cluster=${params["routing-id"] ?? ""}`;
  if (params["root-cert"]) options.sslrootcert = params["root-cert"];
  if (d === "self-hosted") {
    options.sslcert = params["client-cert"];
    options.sslkey = params["client-key"];
  }
  entry.OPTIONS = options;
  return { default: entry };
}

// --- 4. Ruby: ruby-pg run with a test double, database.yml through ERB + Psych ------------------

{
  const dir = path.join(work, "rb");
  const items = [];
  for (const [id, p] of byDriver("ruby-pg", "activerecord").entries()) {
    const kind = p.output.driver === "activerecord" ? "database.yml" : "ruby";
    items.push({ id, label: p.label, kind, file: writeSnippet(dir, id, kind === "ruby" ? "main.rb" : "database.yml", p.output.snippet), env: envOf(p.output), p });
  }
  for (const snippet of new Set(items.filter((i) => i.kind === "ruby").map((i) => i.p.output.snippet))) {
    const file = path.join(dir, "syntax-check.rb");
    fs.writeFileSync(file, snippet);
    checked += 1;
    const syntax = run("ruby", ["-c", file]);
    if (syntax.status !== 0) fail("ruby-pg", `ruby -c failed: ${syntax.stderr}`);
  }
  const results = runBatch("ruby", "ruby", ["-I", path.join(stubs, "ruby"), path.join(runners, "rb_runner.rb")],
    items.map(({ id, label, kind, file, env, p }) => ({ id, label, kind, file, env, ok: p.output.ok })));
  for (const item of items) {
    const r = results.get(item.id);
    if (!r) continue;
    const cs = item.p.output.connectionString;
    expectEqual(item.label, "the URL", r.used, item.kind === "ruby" ? [cs] : [cs, cs]);
  }
}

// --- 5. Go: go vet against the real pgx and lib/pq (GORM: stubs), then run against recording doubles --

{
  const goRoot = path.join(work, "go");
  const units = new Map();  // driver -> [{label, snippet, expected}]
  for (const p of byDriver("pgx", "pq", "gorm")) {
    const list = units.get(p.output.driver) ?? [];
    if (!list.some((u) => u.snippet === p.output.snippet)) {
      list.push({ label: p.label, snippet: p.output.snippet, expected: p.output.connectionString });
    }
    units.set(p.output.driver, list);
  }
  const packages = [];
  for (const [driver, list] of units) {
    const dir = path.join(goRoot, "src", "injection", driver);
    fs.mkdirSync(dir, { recursive: true });
    list.forEach((u, i) => {
      // Each snippet is a whole main package; renaming its main() lets one binary run them all.
      const parts = u.snippet.split("\nfunc main() {\n");
      checked += 1;
      if (parts.length !== 2) {
        fail(u.label, "the snippet does not have exactly one func main()");
        return;
      }
      fs.writeFileSync(path.join(dir, `case${i}.go`), parts.join(`\nfunc case${i}() {\n`));
    });
    fs.writeFileSync(path.join(dir, "zz_main.go"),
      `package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i, run := range []func(){${list.map((_, i) => `case${i}`).join(", ")}} {\n` +
      `\t\tfmt.Println("CASE", i)\n\t\trun()\n\t}\n}\n`);
    packages.push(driver);
  }
  const goEnv = (gopath) => ({ ...process.env, GO111MODULE: "off", GOPATH: gopath, GOFLAGS: "" });
  const pkgs = packages.map((d) => `./${d}`);
  const cwd = path.join(goRoot, "src", "injection");
  const vet = run("go", ["vet", ...pkgs], { cwd, env: goEnv([goRoot, path.join(stubs, "go-compile"), goPath].join(":")) });
  checked += 1;
  if (vet.status !== 0) fail("go vet", vet.stderr.slice(0, 4000));
  const bin = path.join(work, "go-bin");
  fs.mkdirSync(bin);
  const build = run("go", ["build", "-o", bin + "/", ...pkgs],
    { cwd, env: goEnv([goRoot, path.join(stubs, "go-record"), path.join(stubs, "go-compile")].join(":")) });
  checked += 1;
  if (build.status !== 0) fail("go build", build.stderr.slice(0, 4000));
  for (const driver of packages) {
    if (build.status !== 0) break;
    const list = units.get(driver);
    const runDir = fs.mkdtempSync(path.join(work, `go-run-${driver}-`));
    const result = run(path.join(bin, driver), [], { cwd: runDir });
    if (result.status !== 0) fail(driver, `exited with status ${result.status}: ${result.stderr.slice(-2000)}`);
    if (fs.existsSync(path.join(runDir, "MARKER"))) fail(driver, "created the MARKER file (injected code ran)");
    const recorded = [];
    let current = -1;
    for (const line of result.stdout.split("\n")) {
      const caseLine = line.match(/^CASE (\d+)$/);
      if (caseLine) current = Number(caseLine[1]);
      const rec = line.match(/^RECORDED ([0-9a-f]*)$/);
      if (rec) recorded[current] = Buffer.from(rec[1], "hex").toString("utf8");
    }
    list.forEach((u, i) => expectEqual(u.label, "the DSN", recorded[i], u.expected));
  }
}

// --- 6. Java: javac the JDBC snippet against pgJDBC; the URL comes from JDBC_DATABASE_URL ----------

{
  for (const p of byDriver("jdbc")) {
    expectEqual(p.label, "JDBC_DATABASE_URL", envOf(p.output).JDBC_DATABASE_URL, p.output.connectionString);
  }
  const snippets = [...new Set(byDriver("jdbc").map((p) => p.output.snippet))];
  snippets.forEach((snippet, i) => {
    const dir = path.join(work, `java-${i}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "Main.java"), snippet);
    checked += 1;
    const javac = run("javac", ["-cp", jdbcJar, "-d", path.join(dir, "out"), path.join(dir, "Main.java")]);
    if (javac.status !== 0) fail("jdbc", `javac failed: ${javac.stderr.slice(0, 4000)}`);
  });
}

for (const f of failures.slice(0, 50)) console.error(`FAIL ${f}`);
if (failures.length > 50) console.error(`... and ${failures.length - 50} more`);
console.log(`injection: ${cases.length} hostile inputs, ${programs.length} programs, ${checked} checks ` +
  `(${refused} not-ok outputs refused cleanly), ${failures.length} failed`);
if (!process.env.CRDB_CONNECT_KEEP) fs.rmSync(work, { recursive: true, force: true });
process.exit(failures.length === 0 ? 0 : 1);
