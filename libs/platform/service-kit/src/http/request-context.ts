import { randomUUID } from 'node:crypto';
import type { Principal } from '@vertrouwd/auth';
import type { CommandContext } from '../application/command-context';

/** What the HTTP kit leaves on a request that a command context needs. */
export interface ContextRequest {
  /** Set by the HTTP kit's middleware: checked, or made. Never the raw header (it ends up in event metadata). */
  correlationId?: string;
  /** The version a conditional write's `If-Match` names, set by the HTTP kit's `@ConditionalWrite()`. */
  ifMatch?: number;
}

/**
 * The command context of a request: the principal's opaque id, the correlation id, and the agency whose aggregates
 * the principal may touch (none for an admin, who acts across agencies; a token without an agency reaches nothing),
 * and the version a conditional write was based on.
 */
export function contextOf(principal: Principal, req: ContextRequest): CommandContext {
  const agencyId = principal.roles.includes('admin') ? undefined : (principal.agencyId ?? 'no-agency');
  const actor = principal.advisorId ?? principal.subject;
  const expectedVersion = req.ifMatch !== undefined ? { expectedVersion: req.ifMatch } : {};
  return { actor, correlationId: req.correlationId ?? randomUUID(), agencyId, ...expectedVersion };
}
