// The value sets every driver is proven with. Each set changes one thing from
// the plain set, so a failure points at the value that broke the driver.
// Password users authenticate with scram (Serverless, Dedicated); certificate
// users (Self-hosted) with a client certificate whose CN is their name.

export const ROUTING_ID = "funky-skunk-123";

// Characters that break URLs, shells, string literals and .env files.
const HOSTILE = `'"@:/?#%+&= \\`;

export const VALUE_SETS = [
  {
    id: "plain",
    user: "compat_plain",
    certUser: "compat_plain_cert",
    password: "plain-password-1",
    database: "compat_plain",
    certDir: "certs",
  },
  {
    id: "hostile-password",
    user: "compat_pw",
    certUser: "compat_pw_cert",
    // Also what code would interpolate: $VAR, ${x}, #{x}, `x`.
    password: `p${HOSTILE} $HOME \${x} #{x} \`id\` ü€`,
    database: "compat_pw",
    certDir: "certs ü+#&=%20 dir",
  },
  {
    id: "hostile-user",
    user: `o'hara ${HOSTILE}ü`,
    certUser: `o'hara ${HOSTILE}ü cert`,
    password: "user-password-1",
    database: "compat_user",
    certDir: "certs",
  },
  {
    id: "hostile-database",
    user: "compat_db",
    certUser: "compat_db_cert",
    password: "db-password-1",
    database: `d'b ${HOSTILE}ü`,
    certDir: "certs",
  },
  {
    // SASLprep (SCRAM) refuses emoji in pgJDBC; the core flags Java for it.
    id: "emoji-password",
    user: "compat_emoji",
    certUser: "compat_emoji_cert",
    password: "emoji-😀-pass",
    database: "compat_emoji",
    certDir: "certs",
  },
  {
    id: "unicode",
    user: "jürgen_ø",
    certUser: "jürgen_ø_cert",
    password: "pässwörd-€-ø",
    database: "données_ü",
    certDir: "certs",
  },
  // Passwords that SASLprep (RFC 4013) changes without refusing: the server
  // stores the SCRAM verifier of the normalised password, so a client that
  // does not normalise the same way fails. Only the password deployments.
  {
    id: "saslprep-nfkc",
    user: "compat_nfkc",
    certUser: "compat_nfkc_cert",
    password: "\u00BC-\uFB01-pass", // ¼ and the ﬁ ligature: NFKC turns them into 1⁄4 and fi
    database: "compat_nfkc",
    certDir: "certs",
    deployments: ["serverless", "dedicated"],
  },
  {
    id: "saslprep-nbsp",
    user: "compat_nbsp",
    certUser: "compat_nbsp_cert",
    password: "no\u00A0break-pass", // a non-breaking space: SASLprep maps it to a space
    database: "compat_nbsp",
    certDir: "certs",
    deployments: ["serverless", "dedicated"],
  },
];

export const DEPLOYMENTS = ["serverless", "dedicated", "self-hosted"];
