// Runs every JavaScript (and compiled TypeScript) snippet of the injection
// suite in this one process, with the test-double drivers on NODE_PATH.
// Input: a JSON file of [{id, file, env}]. Output in results.json: [{id, records,
// marker}], where records are the configurations the snippet handed to the
// driver. Injected code that exits ends this process, and the harness sees it.
const fs = require("fs");
const path = require("path");

const items = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const marker = path.join(process.cwd(), "MARKER");

// The TypeORM snippet reads certificate files named by environment variables;
// those reads return a recognisable stand-in so any path (hostile ones too)
// can be checked without creating files.
const realReadFileSync = fs.readFileSync;
let certPaths = new Set();
fs.readFileSync = function (file, ...rest) {
  if (typeof file === "string" && certPaths.has(file)) return Buffer.from("CERT:" + file);
  return realReadFileSync.call(fs, file, ...rest);
};

async function main() {
  const results = [];
  for (const item of items) {
    process.stderr.write(`case ${item.id}\n`);
    for (const [name, value] of Object.entries(item.env)) process.env[name] = value;
    certPaths = new Set(["CA_CERT", "CLIENT_CERT", "CLIENT_KEY"].map((n) => item.env[n]).filter(Boolean));
    globalThis.__crdbRecords = [];
    // A thrown error is a clean refusal (accepted only for outputs the core
    // marked not ok); process.exit cannot be caught and ends the batch.
    let error = null;
    try {
      require(item.file);
      await new Promise((resolve) => setImmediate(resolve));
    } catch (e) {
      error = String(e);
    }
    results.push({ id: item.id, records: globalThis.__crdbRecords, error, marker: fs.existsSync(marker) });
    for (const name of Object.keys(item.env)) delete process.env[name];
  }
  fs.writeFileSync("results.json", JSON.stringify(results));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
