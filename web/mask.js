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
