// A throw-away PostgreSQL 15 cluster on 127.0.0.1 that accepts only TLS:
// scram passwords for the password users, client certificates for the
// certificate users, everything signed by a CA made here with openssl.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export const PG_BIN = "/usr/lib/postgresql/15/bin";
const PG_OS_USER = "postgres"; // the server refuses to run as root

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...opts });
}

function asPostgres(cmd, args) {
  return run("runuser", ["-u", PG_OS_USER, "--", cmd, ...args]);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// openssl -subj reads '/' and '=' as structure and '\' as an escape, so every
// ASCII punctuation character of a CN is escaped; UTF-8 bytes pass with -utf8.
function subject(cn) {
  return "/CN=" + cn.replace(/[^A-Za-z0-9\u0080-\u{10FFFF}]/gu, (c) => "\\" + c);
}

function issue(dir, name, cn, extensions) {
  const key = path.join(dir, `${name}.key`);
  const csr = path.join(dir, `${name}.csr`);
  const crt = path.join(dir, `${name}.crt`);
  const ext = path.join(dir, `${name}.ext`);
  run("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key]);
  run("openssl", ["req", "-new", "-utf8", "-key", key, "-subj", subject(cn), "-out", csr]);
  fs.writeFileSync(ext, extensions.join("\n") + "\n");
  run("openssl", ["x509", "-req", "-in", csr, "-CA", path.join(dir, "ca.crt"), "-CAkey", path.join(dir, "ca.key"),
    "-CAcreateserial", "-days", "2", "-extfile", ext, "-out", crt]);
  fs.chmodSync(key, 0o600);
  return { key, crt };
}

// Whether this machine can listen on the IPv6 loopback address (containers
// are often started without IPv6): the IPv6 cases need it.
export function ipv6LoopbackWorks() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(0, "::1", () => server.close(() => resolve(true)));
  });
}

// CA, server certificate for localhost and ::1 (no SAN for 127.0.0.1:
// connecting to it must fail verify-full), and one client certificate per cert user.
export function makeCertificates(dir, valueSets) {
  fs.mkdirSync(dir, { recursive: true });
  const caKey = path.join(dir, "ca.key");
  run("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", caKey]);
  run("openssl", ["req", "-x509", "-new", "-key", caKey, "-subj", "/CN=crdb-connect compat CA", "-days", "2",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    "-out", path.join(dir, "ca.crt")]);
  issue(dir, "server", "localhost", ["basicConstraints=CA:FALSE", "subjectAltName=DNS:localhost,IP:::1",
    "extendedKeyUsage=serverAuth", "keyUsage=digitalSignature,keyEncipherment"]);
  const clientExt = ["basicConstraints=CA:FALSE", "extendedKeyUsage=clientAuth", "keyUsage=digitalSignature"];
  issue(dir, "client.admin", "postgres", clientExt);
  for (const set of valueSets) {
    const { key } = issue(dir, `client.${set.id}`, set.certUser, clientExt);
    // pgJDBC 42.5 (Debian 12) reads only PKCS#8 DER keys, as the output's note says.
    run("openssl", ["pkcs8", "-topk8", "-inform", "PEM", "-outform", "DER", "-in", key, "-out",
      key.replace(/\.key$/, ".pk8"), "-nocrypt"]);
    fs.chmodSync(key.replace(/\.key$/, ".pk8"), 0o600);
  }
}

const HBA = `# Only TLS. The admin and certificate users prove themselves with a client
# certificate whose CN is their name; password users with scram.
hostssl all postgres   127.0.0.1/32 cert
hostssl all +certusers 127.0.0.1/32 cert
hostssl all +pwusers   127.0.0.1/32 scram-sha-256
`;
// The same rules for the IPv6 loopback address, when the machine has it.
const HBA_IPV6 = `hostssl all postgres   ::1/128 cert
hostssl all +certusers ::1/128 cert
hostssl all +pwusers   ::1/128 scram-sha-256
`;

export async function startCluster(workDir, valueSets, { ipv6 = false } = {}) {
  const certDir = path.join(workDir, "certs");
  makeCertificates(certDir, valueSets);
  const dataDir = path.join(workDir, "data");
  fs.mkdirSync(dataDir, { mode: 0o700 });
  run("chown", [PG_OS_USER, dataDir]);
  fs.chmodSync(workDir, 0o755);
  asPostgres(path.join(PG_BIN, "initdb"), ["-D", dataDir, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
    "--auth=reject", "--no-sync"]);
  for (const f of ["server.crt", "server.key", "ca.crt"]) fs.copyFileSync(path.join(certDir, f), path.join(dataDir, f));
  run("chown", [PG_OS_USER, ...["server.crt", "server.key", "ca.crt"].map((f) => path.join(dataDir, f))]);
  fs.writeFileSync(path.join(dataDir, "pg_hba.conf"), ipv6 ? HBA + HBA_IPV6 : HBA);
  const port = await freePort();
  fs.appendFileSync(path.join(dataDir, "postgresql.conf"), `
listen_addresses = '${ipv6 ? "127.0.0.1,::1" : "127.0.0.1"}'
port = ${port}
unix_socket_directories = ''
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
ssl_ca_file = 'ca.crt'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 40
shared_buffers = 16MB
`);
  asPostgres(path.join(PG_BIN, "pg_ctl"), ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60",
    "start"]);
  const cluster = { workDir, dataDir, certDir, port, host: "localhost", ipv6 };
  await createRoles(cluster, valueSets);
  return cluster;
}

export function stopCluster(cluster) {
  spawnSync("runuser", ["-u", PG_OS_USER, "--", path.join(PG_BIN, "pg_ctl"), "-D", cluster.dataDir, "-m",
    "immediate", "stop"], { stdio: "ignore" });
}

export function adminClient(cluster) {
  const read = (f) => fs.readFileSync(path.join(cluster.certDir, f), "utf8");
  return new pg.Client({
    host: "localhost", port: cluster.port, user: "postgres", database: "postgres",
    ssl: { ca: read("ca.crt"), cert: read("client.admin.crt"), key: read("client.admin.key") },
  });
}

// Names go through format('%I'/'%L') on the server, so no quoting is done here.
async function createRoles(cluster, valueSets) {
  const client = adminClient(cluster);
  await client.connect();
  const exec = async (template, ...args) => {
    const placeholders = args.map((_, i) => `$${i + 1}::text`).join(", ");
    const { rows } = await client.query(`SELECT format('${template}', ${placeholders}) AS sql`, args);
    await client.query(rows[0].sql);
  };
  try {
    await client.query("CREATE ROLE pwusers NOLOGIN");
    await client.query("CREATE ROLE certusers NOLOGIN");
    for (const set of valueSets) {
      await exec("CREATE ROLE %I LOGIN PASSWORD %L IN ROLE pwusers", set.user, set.password);
      await exec("CREATE ROLE %I LOGIN IN ROLE certusers", set.certUser);
      await exec("CREATE DATABASE %I", set.database);
    }
  } finally {
    await client.end();
  }
}
