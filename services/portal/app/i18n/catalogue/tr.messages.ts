import tr from '../messages/tr.json';
import casework from '../messages/casework/tr.json';
import coordinator from '../messages/coordinator/tr.json';
import oversight from '../messages/oversight/tr.json';
import billing from '../messages/billing/tr.json';
import administration from '../messages/administration/tr.json';
import casePage from '../messages/case-page/tr.json';
import concurrency from '../messages/concurrency/tr.json';
import type { Messages } from './nl.messages';

export default {
  ...tr,
  ...casework,
  ...coordinator,
  ...oversight,
  ...billing,
  ...administration,
  ...casePage,
  ...concurrency,
} satisfies Messages;
