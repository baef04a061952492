// Values designed to close a string literal (or a YAML scalar, an XML element,
// an ERB tag, a comment) in one of the snippet languages and run code. Each
// either exits with status 7 or creates a file named MARKER when it runs.
export const hostileValues = [
  `"; process.exit(7); "`,
  `'); import os; os._exit(7) #`,
  "`rm -f MARKER; touch MARKER`",
  "#{exit 7}",
  "#{File.write('MARKER', '')}",
  "]]>",
  "</property><property name=\"hibernate.connection.url\">jdbc:postgresql://evil/x</property>",
  "*/ process.exit(7) /*",
  "${process.exit(7)}",
  `"+require("fs").writeFileSync("MARKER","")+"`,
  `'+open('MARKER','w').name+'`,
  `'''+open('MARKER','w').name+'''`,
  `\\"); os.Exit(7) //`,
  `"+func() string { os.Exit(7); return "" }()+"`,
  "<%= exit 7 %>",
  "<%= File.write('MARKER', '') %>",
  "\"\n  url: postgresql://evil/x\n#",
  "x\n'); import os; os._exit(7) #\u2028process.exit(7)\u2029",
  "\\u0022; System.exit(7); \\u0022",
  "$(touch MARKER)",
];

// Which CLI flag carries each field.
export const fields = [
  "user", "password", "host", "port", "database", "routing-id", "root-cert", "client-cert", "client-key", "deployment",
];

export const baseParams = {
  serverless: { deployment: "serverless", user: "maxroach", password: "p@ss",
                host: "free-tier.gcp-us-central1.cockroachlabs.cloud", "routing-id": "funky-skunk-123" },
  dedicated: { deployment: "dedicated", user: "maxroach", password: "p@ss",
               host: "my-cluster-7tc.gcp-us-east1.cockroachlabs.cloud", "root-cert": "/certs/ca.crt" },
  "self-hosted": { deployment: "self-hosted", user: "maxroach", host: "localhost", port: "26257", database: "bank",
                   "root-cert": "/certs/ca.crt", "client-cert": "/certs/client.maxroach.crt",
                   "client-key": "/certs/client.maxroach.key" },
};
