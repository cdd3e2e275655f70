import type { Recipient } from '@vertrouwd/notifications';

/**
 * Who staff notices go to. Until the matching service keeps the directory of advisors and coordinators, case keeps
 * its own address book (sealed), seeded with the demo users.
 */
export interface RecipientDirectory {
  /** The advisor's address and language, when the directory has them. */
  advisor(advisorId: string): Promise<Recipient | undefined>;
  /** A user's address and language (a coordinator, by their user id). */
  user(userId: string): Promise<Recipient | undefined>;
  /** The user ids of an agency's coordinators. */
  coordinatorsOf(agencyId: string): Promise<string[]>;
}
export const RECIPIENT_DIRECTORY = Symbol('RecipientDirectory');
