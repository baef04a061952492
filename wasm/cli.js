#!/usr/bin/env node
// The npm package's crdb-connect command. Argument parsing, usage text and
// output formatting are the native CLI's own C++ (compiled into the wasm
// module); this file only does what core/cli/main.cpp does around them:
// standard input, CRDB_PASSWORD, writing the output and the exit status.
import { readFileSync } from 'node:fs';

import { loadModule } from './loader.js';

const EXIT_OK = 0;
const EXIT_DIAGNOSTIC_ERROR = 1;
const EXIT_USAGE = 2;

function readStdin() {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';  // no standard input at all (closed or absent) reads as empty, as in C++
  }
}

// A piped value usually ends with the newline of `echo` or a file; only that
// one line ending is removed.
function stripOneLineEnding(text) {
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return text;
}

async function main(args) {
  const module = await loadModule('full');
  if (args.some((arg) => arg.includes('\0'))) {  // argv cannot hold a NUL; guard the wire format anyway
    process.stderr.write('crdb-connect: an argument contains a NUL character\n');
    return EXIT_USAGE;
  }
  const inv = module.cliArgs(args.map((arg) => arg + '\0').join(''));
  if (inv.error) {
    process.stderr.write(`crdb-connect: ${inv.error}\n`);
    return EXIT_USAGE;
  }
  switch (inv.command) {
    case 'help':
      process.stdout.write(module.cliUsage());
      return EXIT_OK;
    case 'version':
      process.stdout.write(`${module.version()}\n`);
      return EXIT_OK;
    case 'generate': {
      const params = inv.params;
      if (inv.passwordStdin) {
        params.password = stripOneLineEnding(readStdin());
      } else if (!inv.passwordGiven && process.env.CRDB_PASSWORD !== undefined) {
        params.password = process.env.CRDB_PASSWORD;
      }
      const out = module.cliGenerate(params, inv.drivers, inv.json);
      process.stdout.write(out.text);
      return out.ok ? EXIT_OK : EXIT_DIAGNOSTIC_ERROR;
    }
    case 'parse': {
      const text = inv.parseText === '-' ? stripOneLineEnding(readStdin()) : inv.parseText;
      const out = module.cliParse(text, inv.json);
      process.stdout.write(out.text);
      return out.ok ? EXIT_OK : EXIT_DIAGNOSTIC_ERROR;
    }
    default:
      return EXIT_USAGE;
  }
}

main(process.argv.slice(2)).then(
  (status) => { process.exitCode = status; },
  (error) => {
    process.stderr.write(`crdb-connect: ${error?.stack ?? error}\n`);
    process.exitCode = EXIT_USAGE;
  });
