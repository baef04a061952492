// The form's fields and which deployment uses which. Labels, hints and
// placeholders follow the parameter tables of CockroachDB's "Connect to a
// CockroachDB cluster" reference page. Validation itself lives in the core;
// this table only decides what the form shows.
export const DEPLOYMENTS = [
  { id: 'serverless', label: 'Serverless' },
  { id: 'dedicated', label: 'Dedicated' },
  { id: 'self-hosted', label: 'Self-hosted' },
];

export const FIELDS = [
  {
    name: 'username', label: 'Username', placeholder: 'maxroach', autocomplete: 'username',
    hint: 'The SQL user connecting to the cluster.',
    used: ['serverless', 'dedicated', 'self-hosted'],
  },
  {
    name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password',
    hint: 'The password for the SQL user. It never leaves this page and is not put in the link.',
    used: ['serverless', 'dedicated'],
  },
  {
    name: 'host', label: 'Host', inputmode: 'url',
    placeholder: { serverless: 'free-tier.gcp-us-central1.cockroachlabs.cloud', dedicated: 'my-cluster.gcp-us-east1.cockroachlabs.cloud', 'self-hosted': 'localhost' },
    hint: 'The host on which the CockroachDB node is running.',
    used: ['serverless', 'dedicated', 'self-hosted'],
  },
  {
    name: 'port', label: 'Port', placeholder: '26257', inputmode: 'numeric',
    hint: 'The port at which the CockroachDB node is listening. Empty means 26257.',
    used: ['serverless', 'dedicated', 'self-hosted'],
  },
  {
    name: 'database', label: 'Database', placeholder: 'defaultdb',
    hint: 'The name of the (existing) database. Empty means defaultdb.',
    used: ['serverless', 'dedicated', 'self-hosted'],
  },
  {
    name: 'routingId', label: 'Routing ID', placeholder: 'funky-skunk-123',
    hint: 'Your cluster\'s routing ID (e.g., funky-skunk-123). It identifies your cluster on the multi-tenant host.',
    used: ['serverless'],
  },
  {
    name: 'rootCert', label: 'CA certificate path',
    placeholder: { serverless: 'optional: /home/me/.postgresql/root.crt', dedicated: '/home/me/certs/my-cluster-ca.crt', 'self-hosted': '/home/me/certs/ca.crt' },
    hint: {
      serverless: 'Optional: the root certificate downloaded from the CockroachDB Cloud Console.',
      dedicated: 'The path to the root certificate that you downloaded from the CockroachDB Cloud Console.',
      'self-hosted': 'The path to the root certificate (cockroach cert create-ca, or a custom CA cert).',
    },
    used: ['serverless', 'dedicated', 'self-hosted'],
  },
  {
    name: 'clusterId', label: 'Cloud cluster id', placeholder: '0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f',
    hint: 'Optional: the UUID in your cluster\'s Cloud Console URL. It fills in the CA certificate download command; empty leaves a <cluster-id> placeholder there.',
    used: ['serverless', 'dedicated'],
  },
  {
    name: 'clientCert', label: 'Client certificate path', placeholder: '/home/me/certs/client.maxroach.crt',
    hint: 'The client certificate for the user (cockroach cert create-client).',
    used: ['self-hosted'],
  },
  {
    name: 'clientKey', label: 'Client key path', placeholder: '/home/me/certs/client.maxroach.key',
    hint: 'The client key for the user (cockroach cert create-client).',
    used: ['self-hosted'],
  },
  {
    name: 'jdbcPk8Key', label: 'Point pgJDBC\'s sslkey at a .pk8 key', type: 'checkbox',
    hint: 'pgJDBC before 42.7.9 reads only PKCS#8 DER keys: JDBC and Hibernate then use the .pk8 file the "Convert the client key" step writes.',
    used: ['self-hosted'],
  },
];

export const FIELD_NAMES = FIELDS.map((f) => f.name);

// The computer the setup steps are for. An empty shell means the OS's usual
// one, as in the core (bash/zsh on Linux and macOS, PowerShell on Windows).
export const SYSTEMS = [
  { id: 'linux', label: 'Linux', defaultShell: 'bash/zsh' },
  { id: 'macos', label: 'macOS', defaultShell: 'bash/zsh' },
  { id: 'windows', label: 'Windows', defaultShell: 'PowerShell' },
];

export const SHELLS = [
  { id: 'bash', label: 'bash / zsh' },
  { id: 'fish', label: 'fish' },
  { id: 'powershell', label: 'PowerShell' },
  { id: 'cmd', label: 'cmd (Windows command prompt)' },
  { id: 'dotenv', label: '.env file' },
];

// Per-deployment text: a field's placeholder or hint may be a string or a map.
export function forDeployment(value, deployment) {
  return typeof value === 'object' && value !== null ? value[deployment] : value;
}

// The reference page's own example, so a visitor can see every output at once.
export const EXAMPLE_VALUES = {
  serverless: { username: 'maxroach', password: 'example-password', host: 'free-tier.gcp-us-central1.cockroachlabs.cloud', port: '26257', database: 'defaultdb', routingId: 'funky-skunk-123', rootCert: '' },
  dedicated: { username: 'maxroach', password: 'example-password', host: 'my-cluster.gcp-us-east1.cockroachlabs.cloud', port: '26257', database: 'defaultdb', rootCert: '/home/me/certs/my-cluster-ca.crt' },
  'self-hosted': { username: 'maxroach', host: 'localhost', port: '26257', database: 'defaultdb', rootCert: '/home/me/certs/ca.crt', clientCert: '/home/me/certs/client.maxroach.crt', clientKey: '/home/me/certs/client.maxroach.key' },
};

export const LANGUAGE_NAMES = {
  javascript: 'JavaScript', typescript: 'TypeScript', python: 'Python', go: 'Go', java: 'Java', ruby: 'Ruby',
};
