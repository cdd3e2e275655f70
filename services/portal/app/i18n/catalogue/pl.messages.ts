import pl from '../messages/pl.json';
import casework from '../messages/casework/pl.json';
import coordinator from '../messages/coordinator/pl.json';
import oversight from '../messages/oversight/pl.json';
import billing from '../messages/billing/pl.json';
import administration from '../messages/administration/pl.json';
import casePage from '../messages/case-page/pl.json';
import concurrency from '../messages/concurrency/pl.json';
import type { Messages } from './nl.messages';

export default {
  ...pl,
  ...casework,
  ...coordinator,
  ...oversight,
  ...billing,
  ...administration,
  ...casePage,
  ...concurrency,
} satisfies Messages;
