// Compiled with tsc --noEmit by types.test.js: the .d.ts must accept real use
// and reject wrong use (the @ts-expect-error lines fail the build if accepted).
import { createFullGenerator, createGenerator, type DiagnosticCode, type DriverId, type GenerateResult, type Output } from 'crdb-connect';

const g = await createGenerator();
const result: GenerateResult = g.generate({ deployment: 'serverless', username: 'maxroach', drivers: ['pq', 'jdbc'] });
const first: Output | undefined = result.outputs[0];
const driver: DriverId | undefined = first?.driver;
const codes: DiagnosticCode[] = result.diagnostics.map((d) => d.code);
const ok: boolean = result.ok && g.drivers.every((d) => d.id !== 'pq' || d.language === 'go');
const text: string = await g.generateText({ host: 'localhost', jdbcPk8Key: true }) + await g.generateJson({}) + g.version;
const parsed: string = (await g.parse('postgresql://x')).params.host + String((await g.parse('')).ok);
const full = await createFullGenerator();
const now: string = full.parse('host=x').params.host + full.generateJson({}) + full.generateText({}) + full.generate({}).ok;

// @ts-expect-error parse() of createGenerator() returns a promise
const notYet: string = g.parse('postgresql://x').params.host;

// @ts-expect-error port is a string, as typed
g.generate({ port: 26257 });
// @ts-expect-error unknown key
g.generate({ user: 'maxroach' });
// @ts-expect-error not a code the core emits
const wrong: DiagnosticCode = 'no-such-code';

export { codes, driver, notYet, now, ok, parsed, text, wrong };
