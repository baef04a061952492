// Types for the crdb-connect package. Hand-written; tests/js/types.test.js
// checks that DiagnosticCode lists exactly the codes in the core's
// core/include/crdb_connect/diagnostic_codes.hpp and DriverId the driver table.

/** Every driver the core knows, in the order outputs come in. */
export type DriverId =
  | 'node-postgres' | 'sequelize' | 'typeorm'
  | 'psycopg2' | 'sqlalchemy' | 'django'
  | 'pgx' | 'pq' | 'gorm'
  | 'jdbc' | 'hibernate'
  | 'ruby-pg' | 'activerecord';

/** Every diagnostic code the core can emit. */
export type DiagnosticCode =
  | 'deployment-invalid'
  | 'driver-unknown'
  | 'field-required'
  | 'field-ignored'
  | 'field-too-long'
  | 'input-too-long'
  | 'invalid-utf8'
  | 'nul-character'
  | 'control-character'
  | 'password-control-character'
  | 'surrounding-whitespace'
  | 'host-is-url'
  | 'host-has-port'
  | 'host-has-path'
  | 'host-has-userinfo'
  | 'host-invalid'
  | 'host-brackets-removed'
  | 'host-not-serverless'
  | 'port-invalid'
  | 'routing-id-invalid'
  | 'username-invalid'
  | 'username-case-folded'
  | 'database-needs-quoting'
  | 'database-has-dot'
  | 'path-home-not-expanded'
  | 'path-relative'
  | 'key-needs-pk8'
  | 'os-invalid'
  | 'shell-invalid'
  | 'shell-os-mismatch'
  | 'cluster-id-invalid'
  | 'shell-cannot-carry'
  | 'value-not-carried'
  | 'input-empty'
  | 'format-unknown'
  | 'command-line-no-connection-string'
  | 'command-line-argument-ignored'
  | 'command-line-option-overridden'
  | 'uri-syntax'
  | 'percent-encoding-invalid'
  | 'query-missing-equals'
  | 'query-unencoded-equals'
  | 'query-plus-ambiguous'
  | 'jdbc-plus-is-space'
  | 'unexpected-spaces'
  | 'keyword-missing-equals'
  | 'unterminated-quote'
  | 'parameter-unknown'
  | 'parameter-repeated'
  | 'password-raw-at'
  | 'password-raw-colon'
  | 'password-raw-slash'
  | 'routing-id-conflict'
  | 'sslmode-unknown'
  | 'hosts-extra'
  | 'hosts-ports-mismatch'
  | 'port-missing';

export type Deployment = 'serverless' | 'dedicated' | 'self-hosted';
export type Language = 'javascript' | 'typescript' | 'python' | 'go' | 'java' | 'ruby';
export type Severity = 'error' | 'warning' | 'info';

/**
 * What the user gives. Every field is optional: a missing one takes the
 * core's default (deployment "serverless", everything else empty). Strings are
 * passed through as typed; the core reports problems as diagnostics.
 */
export interface ConnectionParams {
  deployment?: Deployment | (string & {});
  username?: string;
  password?: string;
  host?: string;
  /** Empty means 26257. A string, as typed: the core validates it. */
  port?: string;
  /** Empty means defaultdb. */
  database?: string;
  /** Serverless: <cluster-name>-<tenant-id>. */
  routingId?: string;
  rootCert?: string;
  clientCert?: string;
  clientKey?: string;
  /** Setup steps: linux | macos | windows; empty means linux. */
  os?: 'linux' | 'macos' | 'windows' | (string & {});
  /** Setup steps: bash | zsh | fish | powershell | cmd | dotenv; empty means the OS's usual shell. */
  shell?: 'bash' | 'zsh' | 'fish' | 'powershell' | 'cmd' | 'dotenv' | (string & {});
  /** CockroachDB Cloud cluster id, for the CA download command. */
  clusterId?: string;
  /** Point pgJDBC's sslkey at the .pk8 that the convert-key step writes. */
  jdbcPk8Key?: boolean;
}

export interface GenerateParams extends ConnectionParams {
  /** Driver ids to produce; missing or empty means all 13. Unknown ids give a driver-unknown diagnostic. */
  drivers?: readonly (DriverId | (string & {}))[];
}

export interface Diagnostic {
  code: DiagnosticCode;
  /** A ConnectionParams field, "drivers", or "" for the whole input. */
  field: string;
  severity: Severity;
  message: string;
  /** Affected driver ids; empty means every driver. */
  drivers: DriverId[];
  /** Position in parsed text (parser diagnostics only). */
  offset?: number;
  length?: number;
}

export interface EnvVar { name: string; value: string; }
export interface Variant { label: string; value: string; }
export interface SetupStep {
  /** Stable: set-env, get-ca-cert, make-certs, key-permissions, convert-key, sql-shell. */
  id: string;
  title: string;
  command: string;
  note: string;
}

export interface Output {
  driver: DriverId;
  name: string;
  language: Language;
  /** false when an error diagnostic applies to this driver. */
  ok: boolean;
  /** Empty for Django (settings only). */
  connectionString: string;
  env: EnvVar[];
  install: string;
  snippet: string;
  snippetFile: string;
  snippetLanguage: string;
  docsUrl: string;
  notes: string[];
  variants: Variant[];
  setup: SetupStep[];
}

export interface GenerateResult {
  /** false when any diagnostic is an error. */
  ok: boolean;
  diagnostics: Diagnostic[];
  outputs: Output[];
  /** Steps shared by every driver (SQL shells). */
  setup: SetupStep[];
}

export interface ParseResult {
  /** false when any diagnostic is an error. */
  ok: boolean;
  /** e.g. "postgresql-uri", "jdbc", "keyword-value"; "" when not recognised. */
  format: string;
  /** How the string was wrapped when pasted: "" (bare), "cockroach-sql", "psql", "env-assignment" or "quoted". */
  wrapper: string;
  deployment: string;
  /** Why that deployment was detected. */
  deploymentReason: string;
  params: Required<Omit<ConnectionParams, 'os' | 'shell' | 'clusterId' | 'jdbcPk8Key'>>;
  /** Understood but not used by the form: kept and reported, never dropped. */
  extraParams: Array<{ name: string; value: string }>;
  extraHosts: string[];
  /** Every setting as libpq would see it, keyed by libpq keyword, in input order. */
  settings: Array<{ name: string; value: string }>;
  /** With offset and length into the parsed text. */
  diagnostics: Diagnostic[];
}

/** A row of the core's driver table. */
export interface DriverInfo {
  id: DriverId;
  name: string;
  language: Language;
  install: string;
  snippetFile: string;
  snippetLanguage: string;
  docsUrl: string;
  /** Variable the snippet reads the URL from; "" when the value is inline. */
  envVar: string;
}

/**
 * What createGenerator() gives. generate() runs in the small generate module;
 * parse(), generateJson() and generateText() load the full module on first use,
 * so they return promises (rejected with a TypeError on input of the wrong type).
 */
export interface Generator {
  /** Validates params and renders every requested driver's output. Throws TypeError on input of the wrong type. */
  generate(params: GenerateParams): GenerateResult;
  /** The result as the exact JSON text the native CLI prints with --json. */
  generateJson(params: GenerateParams): Promise<string>;
  /** The result as readable text, exactly as the CLI prints it. */
  generateText(params: GenerateParams): Promise<string>;
  /** Reads a connection string back into params. */
  parse(text: string): Promise<ParseResult>;
  readonly drivers: readonly Readonly<DriverInfo>[];
  readonly version: string;
  /** Wasm memory figures of the generate module, for leak checks. */
  memoryStats(): { heapTop: number; memoryBytes: number };
}

/** What createFullGenerator() gives: the same methods, all synchronous. */
export interface FullGenerator {
  /** Validates params and renders every requested driver's output. Throws TypeError on input of the wrong type. */
  generate(params: GenerateParams): GenerateResult;
  /** The result as the exact JSON text the native CLI prints with --json. */
  generateJson(params: GenerateParams): string;
  /** The result as readable text, exactly as the CLI prints it. */
  generateText(params: GenerateParams): string;
  /** Reads a connection string back into params. Throws TypeError when text is not a string. */
  parse(text: string): ParseResult;
  readonly drivers: readonly Readonly<DriverInfo>[];
  readonly version: string;
  /** Wasm memory figures of the full module, for leak checks. */
  memoryStats(): { heapTop: number; memoryBytes: number };
}

/** Longest string (in UTF-16 code units) generate() and parse() accept before throwing a TypeError. */
export declare const MAX_INPUT_LENGTH: number;

/** Loads the generate module once; later calls return the same promise. */
export declare function createGenerator(): Promise<Generator>;

/** Loads the full module (parser, JSON and text output) once; later calls return the same promise. */
export declare function createFullGenerator(): Promise<FullGenerator>;
