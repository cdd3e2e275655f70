import { randomUUID } from 'node:crypto';
import { NotFoundException } from '@nestjs/common';
import type { Principal } from '@vertrouwd/auth';
import type { CommandContext } from '../../application/case-work';

export interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** The command context of a request: the principal's opaque id and the caller's correlation id. */
export function contextOf(principal: Principal, req: HttpRequest): CommandContext {
  const header = req.headers['x-correlation-id'];
  return { actor: principal.advisorId ?? principal.subject, correlationId: typeof header === 'string' ? header : randomUUID() };
}

/** The advisor id of an advisor's token; without one, no case is theirs. */
export function advisorOf(principal: Principal): string {
  if (!principal.advisorId) throw new NotFoundException('No such case of yours');
  return principal.advisorId;
}
