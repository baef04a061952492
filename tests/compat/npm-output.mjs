// The npm package's side of every case: the same values the CLI was given go
// to createGenerator().generate(), and the whole result must equal the CLI's
// --json result. The drivers then run once per case: on both when identical,
// and on the npm output as well when it differs (so a difference is both a
// failure here and shows whether it matters to a driver).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./languages.mjs";

// CLI flag -> the API's parameter name (the same field of the core's ConnectionParams).
const FLAG_TO_KEY = {
  deployment: "deployment", user: "username", password: "password", host: "host", port: "port",
  database: "database", "routing-id": "routingId", "root-cert": "rootCert", "client-cert": "clientCert",
  "client-key": "clientKey", os: "os", shell: "shell", "cluster-id": "clusterId",
};

export async function loadNpmGenerator() {
  const { createGenerator } = await import(pathToFileURL(path.join(ROOT, "wasm/index.js")).href);
  return createGenerator();
}

export function toApiParams(flags) {
  const params = {};
  for (const [flag, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    if (!(flag in FLAG_TO_KEY)) throw new Error(`no API parameter for --${flag}`);
    params[FLAG_TO_KEY[flag]] = value;
  }
  return params;
}

// The first place where two JSON values differ, as a path, or null.
export function firstDifference(a, b, where = "result") {
  if (Object.is(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${where}: CLI ${JSON.stringify(a)?.slice(0, 120)} vs npm ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join("\0") !== keysB.join("\0")) return `${where}: keys [${keysA}] vs [${keysB}]`;
  for (const k of keysA) {
    const d = firstDifference(a[k], b[k], Array.isArray(a) ? `${where}[${k}]` : `${where}.${k}`);
    if (d) return d;
  }
  return null;
}
