/**
 * The declared User-Agent SEC asks of automated tools ("Accessing EDGAR Data": "Sample Company Name
 * AdminContact@<sample company domain>.com"). Without one SEC answers with its "Undeclared Automated Tool" block
 * page, so the client requests nothing until the user has given a name and an e-mail address.
 */
import { EdgarError } from './errors';

export const USER_AGENT_ENV = 'FORM4_USER_AGENT';
export const USER_AGENT_EXAMPLE = 'Jane Doe jane.doe@example.com';

// Only run on a User-Agent already bounded to 200 characters (below), so the scan for an address stays short.
// eslint-disable-next-line regexp/no-super-linear-move
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;

/** Why SEC needs it, for every message about a missing or unusable User-Agent. */
const WHY =
  'SEC.gov asks every automated tool to declare who is behind it, with a name and an e-mail address in its ' +
  `User-Agent (for example "${USER_AGENT_EXAMPLE}"), and blocks tools that do not`;

/**
 * The User-Agent to send, or an error saying why there is none. `where` tells the user where to set it (the
 * setting, the CLI option, the environment variable).
 */
export function checkUserAgent(value: string | null | undefined, where: string): string {
  const ua = (value ?? '').trim();
  if (ua === '')
    throw new EdgarError('user-agent', `${WHY}. Nothing is requested from EDGAR until you set it: ${where}.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ua) || ua.length > 200)
    throw new EdgarError('user-agent', `The User-Agent must be one line of at most 200 characters: ${where}.`);
  const email = EMAIL.exec(ua);
  const rest = email ? (ua.slice(0, email.index) + ua.slice(email.index + email[0].length)).trim() : ua;
  if (!email || !/[A-Za-z]{2,}/.test(rest))
    throw new EdgarError(
      'user-agent',
      `"${ua}" does not declare both a name and an e-mail address. ${WHY}. Set it: ${where}.`,
    );
  return ua;
}
