// Turns one case's driver result into a verdict: pass, fail, or skip (the
// core flagged the value as not carried by this driver).

// What a failed certificate check looks like in each driver's words.
const CERT_ERROR = /certif|host ?name|altname|does not match|verify|x509|SSL|TLS|PKIX|handshake/i;

function checkOutputFidelity(c, r, problems) {
  const url = c.output.connectionString;
  // Setup-step cases: the environment the driver saw came from the step's
  // command (bash) or a dotenv parser, and must hold exactly the output's values.
  if (c.envFrom) {
    for (const { name, value } of c.output.env) {
      const seen = r.envSeen?.[name];
      if (seen !== value) problems.push(`${name} after the ${c.envFrom} step is ${JSON.stringify(seen)}, expected ${JSON.stringify(value)}`);
    }
  }
  if ("literal" in r && r.literal !== url) problems.push(`Go literal decodes to ${JSON.stringify(r.literal)}, not the connection string`);
  if ("xmlUrl" in r && r.xmlUrl !== url) problems.push(`hibernate.cfg.xml holds ${JSON.stringify(r.xmlUrl)}, not the connection string`);
  if (r.snippetSettings) {
    const s = r.snippetSettings;
    if (s.NAME !== c.expect.database) problems.push(`Django NAME is ${JSON.stringify(s.NAME)}`);
    if (s.USER !== c.expect.user) problems.push(`Django USER is ${JSON.stringify(s.USER)}`);
    if ((s.OPTIONS.options ?? null) !== c.expect.options) problems.push(`Django OPTIONS.options is ${JSON.stringify(s.OPTIONS.options)}`);
    if (s.OPTIONS.sslmode !== "verify-full") problems.push("Django sslmode is not verify-full");
  }
  if (r.snippetOptions) {
    const o = r.snippetOptions;
    if (o.url !== url) problems.push("TypeORM url is not DATABASE_URL");
    if (o.type !== "cockroachdb") problems.push(`TypeORM type is ${o.type}`);
    const ssl = c.trust === "system" ? true : c.expect.clientCert ? ["ca", "cert", "key"] : ["ca"];
    if (JSON.stringify(o.ssl) !== JSON.stringify(ssl)) problems.push(`TypeORM ssl is ${JSON.stringify(o.ssl)}`);
    if ((o.extra?.options ?? null) !== c.expect.options) problems.push(`TypeORM extra.options is ${JSON.stringify(o.extra?.options)}`);
  }
}

export function evaluate(c, r, proxyLog) {
  const base = { id: c.id, driver: c.driver, deployment: c.deployment, column: c.column, set: c.set, negative: c.negative };
  if (!r) return { ...base, status: "fail", problems: ["the runner gave no result"] };

  if (c.negative) {
    if (r.ok) return { ...base, status: "fail", problems: ["connected to 127.0.0.1 although the certificate names only localhost"] };
    if (!CERT_ERROR.test(r.error)) return { ...base, status: "fail", problems: [`failed, but not on the certificate: ${r.error}`] };
    return { ...base, status: "pass", problems: [] };
  }

  const carried = r.ok && r.user === c.expect.user && r.database === c.expect.database;
  if (c.notCarried.length) {
    // The core said this driver cannot carry the value; check that it was right.
    // A driver that carries the value after all means the core blocks users for nothing.
    if (carried) return { ...base, status: "fail", problems: [`flagged value-not-carried (${c.notCarried}) but the driver carried it`] };
    return { ...base, status: "skip", flagged: c.notCarried,
      problems: [r.ok ? `connected as ${JSON.stringify(r.user)} to ${JSON.stringify(r.database)}` : r.error] };
  }

  const problems = [];
  if (!r.ok) {
    problems.push(r.error);
  } else {
    if (r.user !== c.expect.user) problems.push(`current_user is ${JSON.stringify(r.user)}, expected ${JSON.stringify(c.expect.user)}`);
    if (r.database !== c.expect.database) problems.push(`current_database() is ${JSON.stringify(r.database)}, expected ${JSON.stringify(c.expect.database)}`);
    if (r.ssl !== true) problems.push("the server saw no TLS");
    if (c.expect.clientCert && !r.clientDn) problems.push("no client certificate was presented");
    const seen = proxyLog.filter((p) => p.pid === r.pid);
    if (c.expect.viaProxy) {
      if (seen.length !== 1) problems.push(`the proxy saw ${seen.length} startup messages for pid ${r.pid}`);
      else if (seen[0].options !== c.expect.options) problems.push(`the proxy saw options ${JSON.stringify(seen[0].options)}, expected ${JSON.stringify(c.expect.options)}`);
    } else if (seen.length) {
      problems.push("went through the Serverless proxy");
    }
  }
  checkOutputFidelity(c, r, problems);
  return { ...base, status: problems.length ? "fail" : "pass", problems };
}
