import type { EventMetadataInput } from '@vertrouwd/event-sourcing';
import { currentTraceparent } from '@vertrouwd/telemetry';

/**
 * Who acts, for which tenant, in which flow: one context for every command of every service, carried into
 * the metadata of every event the command appends.
 */
export interface CommandContext {
  /** An opaque id (an advisor id, a subject, `reporter`, `system:<job>`): never a name. */
  actor: string;
  /** The agency the actor belongs to: another agency's aggregates do not exist for them. Absent for the platform itself. */
  agencyId?: string;
  correlationId: string;
  /** The message or event that caused this command (an integration event's id). */
  causationId?: string;
  /**
   * The version of the aggregate the caller read and based this command on (a write's `If-Match`): the runner refuses
   * the command with StaleVersionError when the aggregate is no longer at it. Absent: the last write wins.
   */
  expectedVersion?: number;
}

/** The context of the platform acting on its own (a job, a listener): no tenant restriction. */
export function systemContext(actor: `system:${string}` | 'reporter', correlationId: string, causationId?: string): CommandContext {
  return { actor, correlationId, ...(causationId ? { causationId } : {}) };
}

/** Event metadata of a command: actor, correlation, causation and the current trace. */
export function metadataOf(context: CommandContext): EventMetadataInput {
  const traceparent = currentTraceparent();
  return {
    correlationId: context.correlationId,
    actor: context.actor,
    ...(context.causationId ? { causationId: context.causationId } : {}),
    ...(traceparent ? { traceparent } : {}),
  };
}
