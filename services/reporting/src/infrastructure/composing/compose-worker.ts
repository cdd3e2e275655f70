// A worker thread of the compose pool: computes the reports it is sent, one at a time, and answers each by its id.
import { parentPort } from 'node:worker_threads';
import { composeReport, type ComposeRequest } from '../../application/reports/compose-report';
import type { SentError } from './compose-pool';

parentPort?.on('message', (message: { id: number; request: ComposeRequest }) => {
  composeReport(message.request).then(
    (composed) => parentPort?.postMessage({ id: message.id, composed }),
    (error: unknown) => {
      const sent: SentError =
        error instanceof Error
          ? { name: error.name, message: error.message, ...('keys' in error ? { keys: error.keys as readonly string[] } : {}) }
          : { name: 'Error', message: String(error) };
      parentPort?.postMessage({ id: message.id, error: sent });
    },
  );
});
