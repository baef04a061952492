// Builds the matrix: for each value set and deployment, the core's outputs for
// all 13 drivers (from the native CLI), with what each connection must prove.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
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

function paramsFor({ set, deployment, cluster, proxyPort, host, keyFlavor }) {
  const certs = certPaths(cluster, set);
  const selfHosted = deployment === "self-hosted";
  return {
    deployment,
    user: selfHosted ? set.certUser : set.user,
    password: selfHosted ? undefined : set.password,
    host,
    port: String(deployment === "serverless" ? proxyPort : cluster.port),
    database: set.database,
    "routing-id": deployment === "serverless" ? ROUTING_ID : undefined,
    "root-cert": deployment === "serverless" ? undefined : certs.ca,
    "client-cert": selfHosted ? certs.cert : undefined,
    "client-key": selfHosted ? (keyFlavor === "pk8" ? certs.pk8 : certs.key) : undefined,
  };
}

// One case per driver x deployment x value set, plus a negative control per
// driver x deployment: the plain values with host 127.0.0.1, which the
// server certificate (DNS:localhost only) does not name, so verify-full must fail.
export function buildCases({ cli, cluster, proxyPort, valueSets, deployments }) {
  const cases = [];
  const generations = [];
  for (const set of valueSets) {
    for (const deployment of deployments) {
      const variants = [{ host: "localhost", negative: false }];
      if (set.id === "plain") variants.push({ host: "127.0.0.1", negative: true });
      for (const { host, negative } of variants) {
        const byFlavor = {};
        for (const keyFlavor of deployment === "self-hosted" ? ["pem", "pk8"] : ["pem"]) {
          const params = paramsFor({ set, deployment, cluster, proxyPort, host, keyFlavor });
          byFlavor[keyFlavor] = generate(cli, params);
          generations.push({ set: set.id, deployment, host, keyFlavor, params, result: byFlavor[keyFlavor] });
        }
        for (const output of byFlavor.pem.outputs) {
          const flavor = PK8_DRIVERS.has(output.driver) && byFlavor.pk8 ? "pk8" : "pem";
          const result = byFlavor[flavor];
          const chosen = result.outputs.find((o) => o.driver === output.driver);
          const notCarried = result.diagnostics.filter(
            (d) => d.code === "value-not-carried" && d.drivers.includes(output.driver));
          cases.push({
            id: `${output.driver}/${deployment}/${set.id}${negative ? "/wrong-host" : ""}`,
            driver: output.driver,
            deployment,
            set: set.id,
            negative,
            output: chosen,
            notCarried: notCarried.map((d) => d.field),
            expect: {
              user: deployment === "self-hosted" ? set.certUser : set.user,
              database: set.database,
              clientCert: deployment === "self-hosted",
              options: deployment === "serverless" ? `--cluster=${ROUTING_ID}` : null,
              viaProxy: deployment === "serverless",
            },
          });
        }
      }
    }
  }
  return { cases, generations };
}
