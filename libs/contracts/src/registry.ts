import Ajv, { type ValidateFunction } from 'ajv';
import type { ContractDefinition } from './contract';
import { topicOf, type IntegrationEvent } from './envelope';

export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';

  /** `problems` name fields and rules only, never values: payload values never reach logs this way. */
  constructor(
    readonly type: string,
    readonly problems: string[],
  ) {
    // The type is named only when it is one we know: an unknown one is input, and input is never echoed.
    super(`${/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(type) ? type : 'an event'} does not match its contract: ${problems.join('; ')}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const ENVELOPE = {
  type: 'object',
  required: ['eventId', 'type', 'version', 'occurredAt', 'key', 'correlationId', 'causationId', 'payload'],
  additionalProperties: false,
  properties: {
    eventId: { type: 'string', format: 'uuid' },
    type: { type: 'string', pattern: '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$' },
    version: { type: 'integer', minimum: 1 },
    occurredAt: { type: 'string', format: 'date-time' },
    key: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
    correlationId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
    causationId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
    traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    payload: { type: 'object' },
  },
} as const;

/** Knows every contract by topic; validates envelopes and payloads on publish and on consume. */
export class ContractRegistry {
  private readonly ajv = new Ajv({ allErrors: true, strict: true });
  private readonly byTopic = new Map<string, { contract: ContractDefinition; validate: ValidateFunction }>();
  private readonly envelope: ValidateFunction;

  constructor(contracts: ContractDefinition[]) {
    this.ajv.addFormat('uuid', UUID);
    this.ajv.addFormat('date-time', DATE_TIME);
    this.ajv.addFormat('date', DATE);
    this.envelope = this.ajv.compile(ENVELOPE);
    for (const contract of contracts) {
      const topic = topicOf(contract);
      if (this.byTopic.has(topic)) throw new Error(`Two contracts for ${topic}`);
      this.byTopic.set(topic, { contract, validate: this.ajv.compile(contract.payload) });
    }
  }

  get contracts(): ContractDefinition[] {
    return [...this.byTopic.values()].map((c) => c.contract);
  }

  contractFor(topic: string): ContractDefinition | undefined {
    return this.byTopic.get(topic)?.contract;
  }

  /** Throws ContractViolationError unless the event is a valid envelope with a valid payload. */
  validate(event: IntegrationEvent): void {
    if (!this.envelope(event)) throw new ContractViolationError(String((event as { type?: unknown })?.type), describe(this.envelope));
    const entry = this.byTopic.get(topicOf(event));
    if (!entry) throw new ContractViolationError(event.type, [`no contract for ${topicOf(event)}`]);
    if (!entry.validate(event.payload)) throw new ContractViolationError(event.type, describe(entry.validate));
  }
}

function describe(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.keyword}${e.params && 'missingProperty' in e.params ? ` ${String(e.params.missingProperty)}` : ''}`,
  );
}
