// Pasted psql command lines, read by parse() and run by the real psql 15: the
// user, database and port psql connects with must be what parse() fills the
// form with. Each line puts the right values where psql takes them and wrong
// ones (a role that does not exist, 127.0.0.9, port 1) where psql ignores them,
// so a parser that gets psql's precedence wrong names values psql never used,
// and a psql that read them could not connect.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PG_BIN } from "./cluster.mjs";
import { ROOT } from "./languages.mjs";
import { VALUE_SETS } from "./values.mjs";

const SETS = ["plain", "hostile-user"];
const QUERY = "select current_user || '|' || current_database() || '|' || inet_server_port()";
const NO_ROLE = "compat_no_such_role";

// POSIX shell quoting, as a user's terminal would show the line.
const shellWord = (word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);
// libpq key=value quoting.
const kvValue = (value) => `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

function commandLines(set, port) {
  const user = encodeURIComponent(set.user);
  const db = encodeURIComponent(set.database);
  const url = `postgresql://${user}@localhost:${port}/${db}?sslmode=require`;
  const urlWithoutUser = `postgresql://localhost:${port}/${db}?sslmode=require`;
  const keywords = `host=localhost port=${port} user=${kvValue(set.user)} dbname=${kvValue(set.database)} sslmode=require`;
  return {
    "a URL, then -c": [url, "-c", QUERY],
    "-U, -h and -p that the URL overrides": ["-U", NO_ROLE, "-h", "127.0.0.9", "-p", "1", url, "-c", QUERY],
    "-U and a URL without a user": ["-U", set.user, urlWithoutUser, "-c", QUERY],
    "-d, then the user as an argument": ["-h", "localhost", "-p", String(port), "-d", set.database, set.user, "-c", QUERY],
    "bundled and attached short options": ["-qU", set.user, "-hlocalhost", `-p${port}`, set.database, "-c", QUERY],
    "long options and --": ["-c", QUERY, "--host=localhost", "--port", String(port), `--username=${set.user}`, "--", set.database],
    "key=value string that overrides -U": [keywords, "-U", NO_ROLE, "-c", QUERY],
    "arguments psql ignores": [url, NO_ROLE, "extra", "-c", QUERY],
  };
}

function psqlEnvironment(home, password) {
  const env = { ...process.env, HOME: home, PGPASSWORD: password, PGSSLMODE: "require", PGCONNECT_TIMEOUT: "5" };
  for (const k of ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS", "PGSERVICE", "PGSSLROOTCERT", "DATABASE_URL"]) {
    delete env[k];
  }
  return env;
}

export async function checkPsqlCommandLines({ cluster, workDir }) {
  const { createFullGenerator } = await import(pathToFileURL(path.join(ROOT, "wasm/index.js")).href);
  const generator = await createFullGenerator();
  const home = path.join(workDir, "psql-home");
  fs.mkdirSync(home, { recursive: true });
  const verdicts = [];
  for (const set of VALUE_SETS.filter((s) => SETS.includes(s.id))) {
    for (const [name, args] of Object.entries(commandLines(set, cluster.port))) {
      const argv = ["-X", "-A", "-t", ...args];
      const text = ["psql", ...argv].map(shellWord).join(" ");
      const problems = [];
      const run = spawnSync(path.join(PG_BIN, "psql"), argv, { env: psqlEnvironment(home, set.password), encoding: "utf8", timeout: 20000 });
      const [user, database, port] = (run.stdout ?? "").trim().split("|");
      if (run.status !== 0) problems.push(`psql did not connect: ${(run.stderr || run.error?.message || "").trim().slice(0, 200)}`);
      const parsed = generator.parse(text);
      if (parsed.wrapper !== "psql") problems.push(`parse() read it as ${parsed.wrapper || "no command line"}`);
      if (run.status === 0) {
        const read = parsed.params;
        const compare = [["user", read.username, user], ["database", read.database, database], ["port", read.port, port],
          ["host", read.host, "localhost"]];
        for (const [what, got, want] of compare) {
          if (got !== want) problems.push(`parse() reads ${what} ${JSON.stringify(got)}, psql used ${JSON.stringify(want)}`);
        }
      }
      verdicts.push({ id: `psql/${set.id}/${name}`, status: problems.length ? "fail" : "pass", problems });
    }
  }
  return { title: "Pasted psql command lines: parse() reads the user, database, port and host the real psql connects with", verdicts };
}
