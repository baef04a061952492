// The outputs' setup steps, run for real (issue 9):
// - set-env for bash: bash runs the step's command, then execs the driver's
//   runner, so the driver reads the variables exactly as the step set them;
// - set-env for .env: the step's lines are written to a .env file and read
//   back by that language's real dotenv parser (npm dotenv, python-dotenv,
//   Ruby dotenv) before the driver connects;
// - key-permissions: with the client key at mode 0644, libpq must refuse it;
//   after the step's chmod it must connect.
// Each case runs in a process of its own, because the environment is the test.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expectFor, generate, paramsFor } from "./cases.mjs";
import { evaluate } from "./evaluate.mjs";
import { languageOf, runLanguage } from "./languages.mjs";

const SET = "hostile-password";
const DEPLOYMENTS = ["serverless", "dedicated", "self-hosted"];
const BASH_DRIVERS = ["node-postgres", "typeorm", "psycopg2", "ruby-pg", "jdbc"];
// One driver per language with a dotenv parser here (TypeORM: its CA_CERT,
// CLIENT_CERT and CLIENT_KEY are raw paths, with the set's '#' and spaces).
const DOTENV_DRIVERS = ["node-postgres", "typeorm", "psycopg2", "ruby-pg"];
const KEY_DRIVERS = ["psycopg2", "ruby-pg"];
// libpq's words for a key that group or others can read.
const KEY_REFUSED = /group or world access|permissions/i;

function trustOf(deployment) {
  return deployment === "serverless" ? "system" : "explicit";
}

// Runs one case in its own runner process; `wrap` may put bash in front.
async function runOne(ctx, c, fields, wrap) {
  const file = path.join(ctx.dir, `${c.id.replace(/[^a-z0-9-]+/gi, "_")}.json`);
  fs.writeFileSync(file, JSON.stringify([{
    id: c.id, driver: c.driver, snippet: c.output.snippet, connectionString: c.output.connectionString,
    compiledSnippet: c.compiledSnippet, ...fields,
  }]));
  const t = ctx.trust[c.trust];
  const lines = await runLanguage(languageOf(c.driver), file, t.env, [c], t.javaProps, wrap);
  return lines.find((l) => l.id === c.id) ?? { ok: false, error: lines.map((l) => l.error).join("; ") || "no result" };
}

function caseFor(ctx, { kind, driver, deployment, shell }) {
  const set = ctx.valueSets.find((s) => s.id === SET);
  const keyFlavor = driver === "jdbc" && deployment === "self-hosted" ? "pk8" : "pem";
  const params = { ...paramsFor({ set, deployment, cluster: ctx.cluster, proxyPort: ctx.proxyPort, host: "localhost",
    keyFlavor }), shell };
  const output = generate(ctx.cli, params).outputs.find((o) => o.driver === driver);
  // The TypeORM snippet does not depend on the shell: reuse the matrix's compiled one.
  const matrixCase = ctx.cases.find((m) => m.id === `${driver}/${deployment}/${SET}`);
  return {
    id: `${kind}/${driver}/${deployment}`, driver, deployment, column: kind, trust: trustOf(deployment), set: SET,
    negative: false, output, notCarried: [], envFrom: kind, expect: expectFor(set, deployment),
    compiledSnippet: matrixCase?.compiledSnippet,
  };
}

function step(c, id) {
  return c.output.setup.find((s) => s.id === id);
}

async function bashCase(ctx, driver, deployment) {
  const c = caseFor(ctx, { kind: "bash", driver, deployment, shell: "bash" });
  const s = step(c, "set-env");
  if (!s || !/bash/.test(s.title)) return { id: c.id, status: "fail", problems: [`no bash set-env step: ${JSON.stringify(s)}`] };
  // The step's lines, then the runner in place of bash: "$@" is the runner's argv.
  const r = await runOne(ctx, c, { env: [], reportEnv: c.output.env.map((e) => e.name) },
    (argv) => ["bash", "-c", `${s.command}exec "$@"\n`, "bash", ...argv]);
  return evaluate(c, r, ctx.proxyLog);
}

async function dotenvCase(ctx, driver, deployment) {
  const c = caseFor(ctx, { kind: "dotenv", driver, deployment, shell: "dotenv" });
  const s = step(c, "set-env");
  if (!s || !/\.env/.test(s.title)) return { id: c.id, status: "fail", problems: [`no .env set-env step: ${JSON.stringify(s)}`] };
  const envFile = path.join(ctx.dir, `${c.id.replace(/[^a-z0-9-]+/gi, "_")}.env`);
  fs.writeFileSync(envFile, s.command);
  const r = await runOne(ctx, c, { env: [], dotenv: envFile, reportEnv: c.output.env.map((e) => e.name) });
  return evaluate(c, r, ctx.proxyLog);
}

// The key starts readable by everyone (0644), as a download or cp leaves it.
async function keyPermissionsCase(ctx, driver) {
  const set = ctx.valueSets.find((s) => s.id === SET);
  const dir = path.join(ctx.dir, `keys ${driver} ${set.certDir}`);
  fs.mkdirSync(dir, { recursive: true });
  const src = path.join(ctx.cluster.certDir);
  const files = { ca: "ca.crt", cert: `client.${set.id}.crt`, key: `client.${set.id}.key` };
  for (const f of Object.values(files)) fs.copyFileSync(path.join(src, f), path.join(dir, f));
  const key = path.join(dir, files.key);
  fs.chmodSync(key, 0o644);
  const params = { deployment: "self-hosted", user: set.certUser, host: "localhost", port: String(ctx.cluster.port),
    database: set.database, "root-cert": path.join(dir, files.ca), "client-cert": path.join(dir, files.cert),
    "client-key": key, shell: "bash" };
  const output = generate(ctx.cli, params).outputs.find((o) => o.driver === driver);
  const c = { id: `key-permissions/${driver}/self-hosted`, driver, deployment: "self-hosted", column: "key-permissions",
    trust: "explicit", set: SET, negative: false, output, notCarried: [], expect: expectFor(set, "self-hosted") };
  const s = step(c, "key-permissions");
  if (!s) return { id: c.id, status: "fail", problems: ["no key-permissions step"] };
  const before = await runOne(ctx, c, { env: output.env });
  if (before.ok) return { id: c.id, status: "fail", problems: ["libpq accepted the key at mode 0644"] };
  if (!KEY_REFUSED.test(before.error)) return { id: c.id, status: "fail", problems: [`failed, but not on the key's permissions: ${before.error}`] };
  const chmod = spawnSync("bash", ["-c", s.command], { encoding: "utf8" });
  if (chmod.status !== 0) return { id: c.id, status: "fail", problems: [`the step failed: ${chmod.stderr}`] };
  const mode = fs.statSync(key).mode & 0o777;
  if (mode !== 0o600) return { id: c.id, status: "fail", problems: [`mode after the step is ${mode.toString(8)}`] };
  const verdict = evaluate(c, await runOne(ctx, c, { env: output.env }), ctx.proxyLog);
  return { ...verdict, problems: verdict.problems.length ? verdict.problems : [`refused at 0644 (${before.error.slice(0, 90)}), connected after the step`] };
}

// Runs the jobs a few at a time: each starts a runtime (JVM, Ruby, Python).
async function limited(jobs, width = 3) {
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  }));
  return results;
}

export async function runSetupSteps(ctx) {
  ctx = { ...ctx, dir: path.join(ctx.workDir, "setup-steps") };
  fs.mkdirSync(ctx.dir, { recursive: true });
  const bash = DEPLOYMENTS.flatMap((d) => BASH_DRIVERS.map((driver) => () => bashCase(ctx, driver, d)));
  const dotenv = DEPLOYMENTS.flatMap((d) => DOTENV_DRIVERS.map((driver) => () => dotenvCase(ctx, driver, d)));
  const keys = KEY_DRIVERS.map((driver) => () => keyPermissionsCase(ctx, driver));
  const [b, e, k] = [await limited(bash), await limited(dotenv), await limited(keys, 1)];
  return [
    { title: `Setup step set-env run by bash, then the driver (${SET} values)`, verdicts: b },
    { title: `Setup step set-env as .env, read by the language's dotenv parser (${SET} values)`, verdicts: e },
    { title: "Setup step key-permissions: libpq refuses the key at 0644, connects after the step", verdicts: k },
  ];
}
