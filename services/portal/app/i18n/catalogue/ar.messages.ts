import ar from '../messages/ar.json';
import casework from '../messages/casework/ar.json';
import coordinator from '../messages/coordinator/ar.json';
import oversight from '../messages/oversight/ar.json';
import billing from '../messages/billing/ar.json';
import administration from '../messages/administration/ar.json';
import casePage from '../messages/case-page/ar.json';
import concurrency from '../messages/concurrency/ar.json';
import type { Messages } from './nl.messages';

export default {
  ...ar,
  ...casework,
  ...coordinator,
  ...oversight,
  ...billing,
  ...administration,
  ...casePage,
  ...concurrency,
} satisfies Messages;
