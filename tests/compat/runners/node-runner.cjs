// Connects with node-postgres, Sequelize and TypeORM, each given the core's
// output the way its snippet gives it. Reads a JSON array of cases from
// argv[2], prints one JSON result per line.
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

const PROBE = `SELECT current_user AS "user", current_database() AS "database", pg_backend_pid() AS pid,
  s.ssl, s.client_dn AS "clientDn" FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()`;

function withEnv(env, fn) {
  const saved = {};
  for (const { name, value } of env) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  return fn().finally(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

async function nodePostgres(c) {
  const { Client } = require("pg");
  const client = new Client(process.env.DATABASE_URL); // as the snippet
  await client.connect();
  try {
    return (await client.query(PROBE)).rows[0];
  } finally {
    await client.end();
  }
}

async function sequelize(c) {
  // sequelize-cockroachdb only adds CockroachDB behaviour on top of this dialect.
  const { Sequelize, QueryTypes } = require("sequelize");
  const connectionString = process.env.DATABASE_URL;
  const db = new Sequelize(connectionString, { logging: false });
  try {
    const rows = await db.query(PROBE, { type: QueryTypes.SELECT });
    return rows[0];
  } finally {
    await db.close();
  }
}

// Runs the compiled snippet with a `typeorm` whose DataSource only records the
// options, so the options are exactly what the snippet's code builds.
function typeormOptionsFromSnippet(compiledFile) {
  const real = require("typeorm");
  let captured;
  class RecordingDataSource {
    constructor(options) { captured = options; }
    initialize() { return Promise.resolve(this); }
  }
  const originalLoad = Module._load;
  Module._load = function (request, ...rest) {
    if (request === "typeorm") return { ...real, DataSource: RecordingDataSource };
    return originalLoad.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve(compiledFile)];
    require(compiledFile);
  } finally {
    Module._load = originalLoad;
  }
  return captured;
}

async function typeorm(c) {
  const { DataSource } = require("typeorm");
  const options = typeormOptionsFromSnippet(c.compiledSnippet);
  const result = { snippetOptions: { type: options.type, url: options.url, extra: options.extra, ssl: typeof options.ssl === "object" ? Object.keys(options.ssl).sort() : options.ssl } };
  // The real cockroachdb driver connects (its own URL parsing, its own pg
  // Pool options). Only the one CockroachDB-only statement it runs after
  // connecting is skipped, because PostgreSQL refuses it.
  const source = new DataSource({ ...options, logging: false });
  const query = source.query.bind(source);
  source.query = (sql, ...rest) =>
    COCKROACH_ONLY.test(sql) ? Promise.resolve([]) : query(sql, ...rest);
  await source.initialize();
  try {
    return { ...(await source.query(PROBE))[0], ...result };
  } finally {
    await source.destroy();
  }
}

// Run by TypeORM's CockroachDriver.afterConnect; PostgreSQL has no such setting.
const COCKROACH_ONLY = /^SET enable_experimental_alter_column_type_general = true$/;

const DRIVERS = { "node-postgres": nodePostgres, sequelize, typeorm };

// The variables a case sets: the output's env, or (setup-step cases) what the
// real dotenv parser reads from the .env file the step wrote; for the bash
// step, nothing, as bash already set them before starting this process.
function envOf(c) {
  if (c.dotenv) {
    const parsed = require("dotenv").parse(fs.readFileSync(c.dotenv));
    return Object.entries(parsed).map(([name, value]) => ({ name, value }));
  }
  return c.env;
}

async function main() {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  for (const c of cases) {
    let line;
    const seen = {};
    try {
      const row = await withEnv(envOf(c), () => {
        for (const name of c.reportEnv || []) seen[name] = process.env[name] ?? null;
        return DRIVERS[c.driver](c);
      });
      line = { id: c.id, ok: true, ...row };
    } catch (err) {
      line = { id: c.id, ok: false, error: String(err && (err.message || err)) };
    }
    if (c.reportEnv) line.envSeen = seen;
    process.stdout.write(JSON.stringify(line) + "\n");
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(2); });
