import { ConfigurationError, loadServiceConfig } from './service-config';

describe('loadServiceConfig', () => {
  it('takes nothing as the embedded default', () => {
    expect(loadServiceConfig({})).toEqual({});
  });

  it('reads the production variables', () => {
    const env = {
      BUS: 'kafka',
      KAFKA_BROKERS: 'kafka:19092',
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      PORT: '3001',
    };
    expect(loadServiceConfig(env)).toEqual(env);
  });

  it('names every wrong variable and rule, never the value', () => {
    const secret = 'postgres://user:S3CRET@db/x y';
    let error: unknown;
    try {
      loadServiceConfig({ BUS: 'rabbit', EVENT_STORE: 'kurrentdb', DATABASE_URL: secret, PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain('BUS must be one of postgres, kafka');
    expect(message).toContain('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
    expect(message).toContain('DATABASE_URL does not have the expected form');
    expect(message).toContain('PORT does not have the expected form');
    expect(message).not.toContain('S3CRET');
  });
});
