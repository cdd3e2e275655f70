import en from '../messages/en.json';
import casework from '../messages/casework/en.json';
import coordinator from '../messages/coordinator/en.json';
import oversight from '../messages/oversight/en.json';
import billing from '../messages/billing/en.json';
import administration from '../messages/administration/en.json';
import casePage from '../messages/case-page/en.json';
import concurrency from '../messages/concurrency/en.json';
import type { Messages } from './nl.messages';

export default {
  ...en,
  ...casework,
  ...coordinator,
  ...oversight,
  ...billing,
  ...administration,
  ...casePage,
  ...concurrency,
} satisfies Messages;
