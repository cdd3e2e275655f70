import nl from '../messages/nl.json';
import casework from '../messages/casework/nl.json';
import coordinator from '../messages/coordinator/nl.json';
import oversight from '../messages/oversight/nl.json';
import billing from '../messages/billing/nl.json';
import administration from '../messages/administration/nl.json';
import casePage from '../messages/case-page/nl.json';
import concurrency from '../messages/concurrency/nl.json';

// The Dutch messages are the portal's keys: every other language has each of them (its module says so to the type
// checker). One module per language, so the browser loads only the page's language (languages.ts).
const NL = { ...nl, ...casework, ...coordinator, ...oversight, ...billing, ...administration, ...casePage, ...concurrency };
export type Messages = typeof NL;
export default NL;
