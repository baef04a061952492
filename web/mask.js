// Keeps the password off the screen. The outputs shown are generated with a
// stand-in password made only of letters, which every escaper in the core
// (URL userinfo and query, string literals, XML) leaves unchanged; the shown
// text then replaces it with dots. So no encoded or escaped form of the real
// password can reach the screen, and copy buttons use a second, real output.
export const PASSWORD_STAND_IN = 'CrdbConnectHiddenPasswordStandIn';
export const SHOWN_MASK = '••••••••';

export function maskStandIn(text) {
  return text.includes(PASSWORD_STAND_IN) ? text.replaceAll(PASSWORD_STAND_IN, SHOWN_MASK) : text;
}

// Setup steps need one more care. cmd and .env cannot carry some characters,
// so for those shells the core writes a value it cannot carry in a fallback
// shell's form (PowerShell, or the OS's usual shell), line by line. The
// stand-in password is plain letters, so its output never falls back where
// the real one does. The page therefore also generates the stand-in output
// for the fallback shells; maskedSteps takes each line of each real step from
// the candidate whose line has the same form, judged by the text before the
// first quote (`set "`, `$env:NAME = '`, `export NAME='`, ...), which never
// holds a value. Titles and notes are the core's fixed texts (driver and
// variable names, shell names), so they come from the real step.
export const FALLBACK_SHELLS = { cmd: ['powershell'], dotenv: ['powershell', ''] };

function form(line) {
  const quote = line.search(/['"]/);
  return quote < 0 ? line : line.slice(0, quote + 1);
}

// real: the real steps; candidates: step lists of the stand-in outputs, the
// chosen shell's first.
export function maskedSteps(real, candidates) {
  return real.map((step) => {
    const options = candidates.map((steps) => steps.find((s) => s.id === step.id)).filter(Boolean);
    if (options.length === 0) return { ...step, command: '' };
    const lines = step.command.split('\n').map((line, i) => {
      const match = options.find((o) => {
        const candidate = o.command.split('\n')[i];
        return candidate !== undefined && form(candidate) === form(line);
      });
      return (match ?? options[0]).command.split('\n')[i] ?? '';
    });
    return { ...step, command: lines.join('\n') };
  });
}
