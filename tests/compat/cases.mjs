// Builds the matrix: for each value set and deployment, the core's outputs for
// all 13 drivers (from the native CLI and the npm package), with what each
// connection must prove.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { firstDifference, toApiParams } from "./npm-output.mjs";
import { ROUTING_ID } from "./values.mjs";

// Drivers whose client key must be PKCS#8 DER: pgJDBC 42.5 on Debian 12
// cannot read PEM keys, which the key-needs-pk8 warning and note tell users.
const PK8_DRIVERS = new Set(["jdbc", "hibernate"]);

export function certPaths(cluster, set) {
  const dir = path.join(cluster.workDir, set.certDir);
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir);
    for (const f of fs.readdirSync(cluster.certDir)) fs.copyFileSync(path.join(cluster.certDir, f), path.join(dir, f));
    for (const f of fs.readdirSync(dir)) if (/\.(key|pk8)$/.test(f)) fs.chmodSync(path.join(dir, f), 0o600);
  }
  return {
    ca: path.join(dir, "ca.crt"),
    cert: path.join(dir, `client.${set.id}.crt`),
    key: path.join(dir, `client.${set.id}.key`),
    pk8: path.join(dir, `client.${set.id}.pk8`),
  };
}

// Runs `crdb-connect generate --json` with the values a user would type.
export function generate(cli, params) {
  const args = ["generate", "--json"];
  for (const [flag, value] of Object.entries(params)) if (value !== undefined) args.push(`--${flag}=${value}`);
  let stdout;
  try {
    stdout = execFileSync(cli, args, { encoding: "utf8" });
  } catch (err) {
    stdout = err.stdout; // exit status 1 means an error diagnostic; the JSON is still printed
  }
  return JSON.parse(stdout);
}

// What a connection with these values must show.
export function expectFor(set, deployment) {
  return {
    user: deployment === "self-hosted" ? set.certUser : set.user,
    database: set.database,
    clientCert: deployment === "self-hosted",
    options: deployment === "serverless" ? `--cluster=${ROUTING_ID}` : null,
    viaProxy: deployment === "serverless",
  };
}

export function paramsFor({ set, deployment, cluster, proxyPort, host, keyFlavor, caOnServerless }) {
  const certs = certPaths(cluster, set);
  const selfHosted = deployment === "self-hosted";
  const serverless = deployment === "serverless";
  return {
    deployment,
    user: selfHosted ? set.certUser : set.user,
    password: selfHosted ? undefined : set.password,
    host,
    port: String(serverless ? proxyPort : cluster.port),
    database: set.database,
    "routing-id": serverless ? ROUTING_ID : undefined,
    "root-cert": serverless && !caOnServerless ? undefined : certs.ca,
    "client-cert": selfHosted ? certs.cert : undefined,
    "client-key": selfHosted ? (keyFlavor === "pk8" ? certs.pk8 : certs.key) : undefined,
  };
}

// What is run, beyond the plain matrix (value set x deployment, host localhost):
// - a negative control per deployment: the plain values with host 127.0.0.1,
//   which the server certificate (DNS:localhost, IP:::1) does not name, so
//   verify-full must fail;
// - Serverless with a CA path given (sslrootcert in the URL, CA_CERT for
//   TypeORM), run with no extra trust: the output's own CA must verify, and
//   the options must still reach the proxy;
// - host ::1 (IPv6, bracketed in URLs) when the machine has IPv6 loopback.
function scenarios(valueSets, deployments, cluster) {
  const list = [];
  for (const set of valueSets) {
    for (const deployment of set.deployments ?? deployments) {
      list.push({ set, deployment, host: "localhost", column: deployment, suffix: "" });
      if (set.id === "plain") {
        list.push({ set, deployment, host: "127.0.0.1", column: deployment, suffix: "/wrong-host", negative: true });
      }
    }
  }
  for (const set of valueSets.filter((s) => s.id === "plain" || s.id === "hostile-password")) {
    list.push({ set, deployment: "serverless", host: "localhost", column: "serverless+CA", suffix: "/ca-path",
      caOnServerless: true });
  }
  if (cluster.ipv6) {
    const plain = valueSets.find((s) => s.id === "plain");
    for (const deployment of deployments) {
      list.push({ set: plain, deployment, host: "::1", column: "IPv6 ::1", suffix: "/ipv6" });
    }
  }
  return list;
}

function notCarriedBy(result, driver) {
  return result.diagnostics
    .filter((d) => d.code === "value-not-carried" && d.drivers.includes(driver))
    .map((d) => d.field);
}

// One case per driver x scenario. Every generation is made twice, by the
// native CLI and by the npm package; `generations` keeps both for the
// identity check, and an npm output that differs becomes a case of its own.
export function buildCases({ cli, npm, cluster, proxyPort, valueSets, deployments }) {
  const cases = [];
  const generations = [];
  for (const sc of scenarios(valueSets, deployments, cluster)) {
    const { set, deployment, host, negative = false } = sc;
    const byFlavor = {};
    for (const keyFlavor of deployment === "self-hosted" ? ["pem", "pk8"] : ["pem"]) {
      const params = paramsFor({ ...sc, cluster, proxyPort, keyFlavor });
      const result = generate(cli, params);
      const npmResult = npm.generate(toApiParams(params));
      byFlavor[keyFlavor] = { result, npmResult };
      generations.push({ set: set.id, deployment, host, scenario: sc.column + sc.suffix, keyFlavor, params, result,
        npmDifference: firstDifference(result, npmResult) });
    }
    for (const { driver } of byFlavor.pem.result.outputs) {
      const flavor = PK8_DRIVERS.has(driver) && byFlavor.pk8 ? "pk8" : "pem";
      const { result, npmResult } = byFlavor[flavor];
      const base = {
        id: `${driver}/${deployment}/${set.id}${sc.suffix}`,
        driver,
        deployment,
        column: sc.column,
        // Serverless outputs without a CA path rely on the system's trust store.
        trust: deployment === "serverless" && !sc.caOnServerless ? "system" : "explicit",
        set: set.id,
        negative,
        expect: expectFor(set, deployment),
      };
      const output = result.outputs.find((o) => o.driver === driver);
      cases.push({ ...base, source: "cli+npm", output, notCarried: notCarriedBy(result, driver) });
      const npmOutput = npmResult.outputs.find((o) => o.driver === driver);
      if (firstDifference(output, npmOutput)) {
        cases.push({ ...base, id: `${base.id}/npm`, source: "npm", output: npmOutput, notCarried: notCarriedBy(npmResult, driver) });
      }
    }
  }
  return { cases, generations };
}
