// The compatibility suite: real drivers, a real PostgreSQL 15 over TLS, and
// the core's outputs. Usage: node tests/compat/run.mjs [summary.json]
// Environment: CRDB_CONNECT_CLI (default build/release/core/crdb-connect),
// COMPAT_KEEP=1 keeps the temporary folder.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildCases } from "./cases.mjs";
import { ipv6LoopbackWorks, startCluster, stopCluster } from "./cluster.mjs";
import { evaluate } from "./evaluate.mjs";
import { compileTypeScript, LANGUAGES, languageOf, ROOT, runLanguage } from "./languages.mjs";
import { startProxy } from "./proxy.mjs";
import { loadNpmGenerator } from "./npm-output.mjs";
import { printReport } from "./report.mjs";
import { checkPsqlCommandLines } from "./psql-command-lines.mjs";
import { runSetupSteps } from "./setup-steps.mjs";
import { checkSnippets } from "./snippet-checks.mjs";
import { DEPLOYMENTS, VALUE_SETS } from "./values.mjs";

const cli = process.env.CRDB_CONNECT_CLI || path.join(ROOT, "build/release/core/crdb-connect");
const summaryFile = process.argv[2];
const started = Date.now();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "crdb-compat-"));
let cluster;
let proxy;

// Serverless outputs carry no CA file: the driver trusts the system store
// (Node, Go, Java with the DefaultJavaSSLFactory the URL names) or
// ~/.postgresql/root.crt (libpq). Those cases run with
// our CA put exactly there; every other case runs with an empty HOME and no
// extra trust, so only the output's own sslrootcert can make it verify.
function javaTrustStore(ca) {
  const store = path.join(workDir, "java-truststore.p12");
  execFileSync("keytool", ["-importcert", "-noprompt", "-alias", "compat-ca", "-file", ca, "-keystore", store,
    "-storetype", "PKCS12", "-storepass", "compat"], { stdio: "ignore" });
  return store;
}

function trustEnvironments(ca) {
  const homeWithRoot = path.join(workDir, "home-with-root");
  const emptyHome = path.join(workDir, "home-empty");
  fs.mkdirSync(path.join(homeWithRoot, ".postgresql"), { recursive: true });
  fs.mkdirSync(emptyHome);
  fs.copyFileSync(ca, path.join(homeWithRoot, ".postgresql/root.crt"));
  const base = { ...process.env };
  for (const k of ["NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR", "PGSSLROOTCERT", "PGSSLMODE",
    "PGPASSWORD", "PGUSER", "PGDATABASE", "PGHOST", "PGPORT", "PGOPTIONS", "DATABASE_URL"]) delete base[k];
  return {
    system: {
      env: { ...base, HOME: homeWithRoot, NODE_EXTRA_CA_CERTS: ca, SSL_CERT_FILE: ca },
      // The Serverless JDBC URL names DefaultJavaSSLFactory: Java's trust store,
      // and no root.crt in user.home, so only that path can verify.
      javaProps: [`-Duser.home=${emptyHome}`, `-Djavax.net.ssl.trustStore=${javaTrustStore(ca)}`,
        "-Djavax.net.ssl.trustStorePassword=compat", "-Djavax.net.ssl.trustStoreType=PKCS12"],
    },
    explicit: { env: { ...base, HOME: emptyHome }, javaProps: [`-Duser.home=${emptyHome}`] },
  };
}


async function runMatrix(cases) {
  const trust = trustEnvironments(path.join(cluster.certDir, "ca.crt"));
  const ts = cases.filter((c) => c.driver === "typeorm");
  const tsDir = path.join(workDir, "typeorm");
  fs.mkdirSync(tsDir, { recursive: true });
  ts.forEach((c, i) => {
    const file = path.join(tsDir, `datasource${i}.ts`);
    fs.writeFileSync(file, c.output.snippet);
    c.compiledSnippet = path.join(tsDir, "out", `datasource${i}.js`);
  });
  const tscErrors = compileTypeScript(tsDir, ts.map((c, i) => `datasource${i}.ts`));

  const results = new Map();
  await Promise.all(Object.entries(LANGUAGES).map(async ([lang, runner]) => {
    const mine = cases.filter((c) => languageOf(c.driver) === lang);
    try {
      runner.prepare?.(workDir, mine);
    } catch (err) {
      for (const c of mine) results.set(c.id, { ok: false, error: `${lang} runner did not build: ${err.stderr || err}` });
      return;
    }
    for (const mode of ["system", "explicit"]) {
      const batch = mine.filter((c) => c.trust === mode);
      if (!batch.length) continue;
      const file = path.join(workDir, `${lang}-${mode}.json`);
      fs.writeFileSync(file, JSON.stringify(batch.map((c) => ({
        id: c.id, driver: c.driver, env: c.output.env, snippet: c.output.snippet,
        connectionString: c.output.connectionString, compiledSnippet: c.compiledSnippet,
      }))));
      const lines = await runLanguage(lang, file, trust[mode].env, batch, trust[mode].javaProps);
      for (const line of lines) {
        if (line.crashed) {
          for (const c of batch) if (!results.has(c.id)) results.set(c.id, { ok: false, error: line.error });
        } else {
          results.set(line.id, line);
        }
      }
    }
  }));
  return { results, tscErrors, trust };
}

async function main() {
  const valueSets = VALUE_SETS;
  const npm = await loadNpmGenerator();
  const ipv6 = await ipv6LoopbackWorks();
  if (!ipv6) console.log("SKIP the IPv6 (::1) cases: this machine cannot listen on the IPv6 loopback address");
  cluster = await startCluster(workDir, valueSets, { ipv6 });
  const read = (f) => fs.readFileSync(path.join(cluster.certDir, f));
  proxy = await startProxy({ key: read("server.key"), cert: read("server.crt"), ca: read("ca.crt"),
    upstreamPort: cluster.port, ipv6 });
  const { cases, generations } = buildCases({ cli, npm, cluster, proxyPort: proxy.port, valueSets, deployments: DEPLOYMENTS });
  const { results, tscErrors, trust } = await runMatrix(cases);
  const verdicts = cases.map((c) => evaluate(c, results.get(c.id), proxy.log));
  const setupGroups = await runSetupSteps({ cli, cluster, proxyPort: proxy.port, valueSets, trust, workDir,
    proxyLog: proxy.log, cases });
  const psqlGroup = await checkPsqlCommandLines({ cluster, workDir });
  const snippetVerdicts = checkSnippets({ workDir, cases, tscErrors });
  const summary = printReport({ cases, verdicts, snippetVerdicts, generations, extraVerdicts: [...setupGroups, psqlGroup],
    seconds: (Date.now() - started) / 1000 });
  if (summaryFile) fs.writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
  return summary.failed === 0;
}

main()
  .then((ok) => { process.exitCode = ok ? 0 : 1; }, (err) => { console.error(err); process.exitCode = 2; })
  .finally(() => {
    proxy?.close();
    if (cluster) stopCluster(cluster);
    if (!process.env.COMPAT_KEEP) fs.rmSync(workDir, { recursive: true, force: true });
    else console.error(`kept ${workDir}`);
    setTimeout(() => process.exit(), 100).unref();
  });
