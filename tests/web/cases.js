// The parameter sets the browser tests type into the form: the reference
// document's example values and the hostile set of the core's golden tests
// (tests/core/cases.hpp). The hostile password drops the core's "\nline2":
// an <input> cannot hold a line break, so a person cannot type one. Each case
// also picks the computer its setup steps are for (os, shell, '' = the OS's
// usual shell), a Cloud cluster id and the pgJDBC .pk8 choice.
export const HOSTILE_PASSWORD = 'p@ss:w/rd?#%+ &="\'\\${x}';

export const CASES = [
  {
    name: 'serverless',
    params: { deployment: 'serverless', username: 'maxroach', password: 'Vd8t-2Wq_Lc9', host: 'free-tier.gcp-us-central1.cockroachlabs.cloud', database: 'defaultdb', routingId: 'funky-skunk-123', clusterId: '0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f' },
  },
  {
    name: 'dedicated',
    params: { deployment: 'dedicated', username: 'maxroach', password: 'Vd8t-2Wq_Lc9', host: 'blue-dog-7gp.aws-us-east-1.cockroachlabs.cloud', database: 'bank', rootCert: '/home/max/.postgresql/root.crt', os: 'macos', shell: 'dotenv' },
  },
  {
    name: 'self-hosted',
    params: { deployment: 'self-hosted', username: 'maxroach', host: 'localhost', database: 'bank', rootCert: '/home/max/certs/ca.crt', clientCert: '/home/max/certs/client.maxroach.crt', clientKey: '/home/max/certs/client.maxroach.key', jdbcPk8Key: true },
  },
  {
    name: 'hostile-serverless',
    params: { deployment: 'serverless', username: 'jürgen_ñ', password: HOSTILE_PASSWORD, host: 'free-tier.gcp-us-central1.cockroachlabs.cloud', database: 'my.db', routingId: 'funky-skunk-123', clusterId: 'c1d2\'e3 "$(id)"%PATH%!x!', os: 'windows', shell: 'cmd' },
  },
  {
    name: 'hostile-dedicated',
    params: { deployment: 'dedicated', username: 'jürgen_ñ', password: HOSTILE_PASSWORD, host: 'blue-dog-7gp.aws-us-east-1.cockroachlabs.cloud', database: 'my.db', rootCert: 'C:\\Users\\Jürgen Ñ\\AppData\\Roaming\\postgresql\\root crt+1.crt', os: 'macos', shell: 'fish' },
  },
  {
    name: 'hostile-self-hosted',
    params: { deployment: 'self-hosted', username: 'jürgen_ñ', host: '[2001:db8::1]', port: '26258', database: 'my.db', rootCert: 'C:\\certs\\ca #1.crt', clientCert: 'C:\\certs\\client&user=x.crt', clientKey: 'C:\\certs\\client key%20.key', jdbcPk8Key: true, os: 'windows' },
  },
];
