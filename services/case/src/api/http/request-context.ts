import { randomUUID } from 'node:crypto';
import { NotFoundException } from '@nestjs/common';
import type { Principal } from '@vertrouwd/auth';
import type { CommandContext } from '../../application/case-work';

export interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  /** Set by the HTTP kit's middleware: checked, or made. Never the raw header (it ends up in event metadata). */
  correlationId?: string;
}

/**
 * The command context of a request: the principal's opaque id, the correlation id, and the agency whose cases the
 * principal may touch (none for an admin, who acts across agencies; a token without an agency reaches no case).
 */
export function contextOf(principal: Principal, req: HttpRequest): CommandContext {
  const agencyId = principal.roles.includes('admin') ? undefined : (principal.agencyId ?? 'no-agency');
  return { actor: principal.advisorId ?? principal.subject, correlationId: req.correlationId ?? randomUUID(), agencyId };
}

/** The advisor id of an advisor's token; without one, no case is theirs. */
export function advisorOf(principal: Principal): string {
  if (!principal.advisorId) throw new NotFoundException('No such case of yours');
  return principal.advisorId;
}
