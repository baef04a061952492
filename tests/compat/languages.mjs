// How each language's runner is prepared and started. A runner takes a batch
// of cases in one process and prints one JSON result per line.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const HERE = path.dirname(new URL(import.meta.url).pathname);
export const ROOT = path.resolve(HERE, "../..");
export const PGJDBC_JAR = "/usr/share/java/postgresql.jar";
export const GO_ENV = { GOPATH: "/usr/share/gocode", GO111MODULE: "off", GOFLAGS: "" };

function runBatch(cmd, args, env, cwd = ROOT) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => { stdout += d; });
    child.stderr.on("data", (d) => { stderr += d; });
    child.on("error", reject);
    child.on("close", (code) => {
      const results = stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
      if (code !== 0) results.push({ crashed: true, error: `${cmd} exited ${code}: ${stderr.slice(-2000)}` });
      resolve(results);
    });
  });
}

// The Go string literal handed to pgx.Connect / sql.Open / postgres.Open.
const GO_CALL = /(?:pgx\.Connect\(context\.Background\(\), |sql\.Open\("postgres", |postgres\.Open\()("(?:[^"\\\n]|\\.)*")/;
export function goLiteral(snippet) {
  const m = GO_CALL.exec(snippet);
  if (!m) throw new Error("no connection string literal in the Go snippet");
  return m[1];
}

// TypeORM snippets are TypeScript: tsc type-checks them (the snippet check)
// and emits CommonJS for the runner to execute. Returns file -> diagnostics.
export function compileTypeScript(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  const link = path.join(dir, "node_modules");
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(ROOT, "node_modules"), link);
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      module: "commonjs", target: "es2022", strict: true, outDir: "out", rootDir: ".", types: ["node"],
      skipLibCheck: true, esModuleInterop: true,
    },
    files: files.map((f) => path.basename(f)),
  }, null, 2));
  try {
    execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", dir], { encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (err) {
    return String(err.stdout || "") + String(err.stderr || "");
  }
}

export const LANGUAGES = {
  node: {
    drivers: ["node-postgres", "sequelize", "typeorm"],
    command: (file) => [process.execPath, path.join(HERE, "runners/node-runner.cjs"), file],
  },
  python: {
    drivers: ["psycopg2", "sqlalchemy", "django"],
    command: (file) => ["/usr/bin/python3", path.join(HERE, "runners/python_runner.py"), file],
  },
  ruby: {
    drivers: ["ruby-pg", "activerecord"],
    command: (file) => ["ruby", path.join(HERE, "runners/ruby_runner.rb"), file],
  },
  go: {
    drivers: ["pgx", "pq", "gorm"],
    // Builds one binary holding every Go case's literal; each run picks ids.
    prepare(workDir, cases) {
      const dir = path.join(workDir, "go-runner");
      fs.mkdirSync(dir, { recursive: true });
      const rows = cases.map((c) =>
        `\t{${JSON.stringify(c.id)}, ${JSON.stringify(c.driver)}, ${goLiteral(c.output.snippet)}},`);
      const source = fs.readFileSync(path.join(HERE, "runners/go_runner.go.tmpl"), "utf8")
        .replace("/*CASES*/", rows.join("\n"));
      fs.writeFileSync(path.join(dir, "main.go"), source);
      execFileSync("go", ["build", "-o", "go-runner", "."], { cwd: dir, env: { ...process.env, ...GO_ENV }, stdio: "pipe" });
      this.binary = path.join(dir, "go-runner");
    },
    command(file, cases) {
      const ids = file + ".ids";
      fs.writeFileSync(ids, cases.map((c) => c.id).join("\n"));
      return [this.binary, ids];
    },
  },
  java: {
    drivers: ["jdbc", "hibernate"],
    prepare(workDir) {
      this.classes = path.join(workDir, "java-classes");
      execFileSync("javac", ["-cp", PGJDBC_JAR, "-d", this.classes, path.join(HERE, "runners/JavaRunner.java")],
        { stdio: "pipe" });
    },
    command(file, cases, javaProps = []) {
      const tsv = file + ".tsv";
      const b64 = (s) => Buffer.from(s, "utf8").toString("base64");
      fs.writeFileSync(tsv, cases.map((c) => [c.id, c.driver, b64(c.output.connectionString), b64(c.output.snippet),
        c.envFrom ? c.output.env[0].name : ""].join("\t")).join("\n") + "\n");
      return ["java", ...javaProps, "-cp", `${this.classes}:${PGJDBC_JAR}`, "JavaRunner", tsv];
    },
  },
};

// Runs a batch: the runner's command, or `wrap(argv)` around it (the setup
// steps start the runner from bash after the step's own command).
export function runLanguage(lang, file, env, cases, javaProps, wrap = (argv) => argv) {
  const [cmd, ...args] = wrap(LANGUAGES[lang].command(file, cases, javaProps));
  return runBatch(cmd, args, env);
}

export function languageOf(driver) {
  return Object.keys(LANGUAGES).find((lang) => LANGUAGES[lang].drivers.includes(driver));
}
