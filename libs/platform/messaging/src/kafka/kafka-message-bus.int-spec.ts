import { describeConsumerKill } from '../contract/consumer-kill.contract';
import { describeMessageBusContract } from '../contract/message-bus.contract';
import { KafkaMessageBus } from './kafka-message-bus';

const brokers = process.env.KAFKA_BROKERS;
const SKIPPED =
  'Kafka contract suite skipped: KAFKA_BROKERS is not set (no Kafka broker on this machine; ' +
  'start one with `docker compose up kafka` and set KAFKA_BROKERS=localhost:9092)';

if (brokers) {
  // Every test names its own topics and groups (random suffixes), so re-runs against a long-lived broker
  // never see each other's messages. The topics stay on the broker; they are small.
  const connect = () => KafkaMessageBus.connect({ brokers: brokers.split(','), clientId: 'vertrouwd-contract' });

  describeMessageBusContract('Kafka bus', async () => {
    const bus = await connect();
    return { bus, cleanup: () => bus.close() };
  });

  // The killed consumers are child processes that build their bus from the environment, as a service does.
  describeConsumerKill('Kafka bus', async () => {
    const bus = await connect();
    return { bus, busEnv: { BUS: 'kafka', KAFKA_BROKERS: brokers }, cleanup: () => bus.close() };
  });
} else {
  console.log(SKIPPED);
  describe('KafkaMessageBus against a Kafka broker', () => {
    it.skip(SKIPPED, () => undefined);
  });
}
