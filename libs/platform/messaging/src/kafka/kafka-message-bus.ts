import type { ConsumeOptions, Consumer, MessageBus, OutgoingMessage } from '../message-bus.port';

export interface KafkaMessageBusOptions {
  brokers: string[];
  clientId: string;
}

/** Placeholder replaced by the Kafka adapter (being written); fails loudly if used before then. */
export class KafkaMessageBus implements MessageBus {
  static async connect(_options: KafkaMessageBusOptions): Promise<KafkaMessageBus> {
    throw new Error('The Kafka bus is not built yet');
  }

  publish(_messages: OutgoingMessage[]): Promise<void> {
    throw new Error('The Kafka bus is not built yet');
  }

  consume(_options: ConsumeOptions): Consumer {
    throw new Error('The Kafka bus is not built yet');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
