// The machine and server settings the numbers were taken on.
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { Client } from 'pg';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  postgres: string;
  settings: Record<string, string>;
}

const SETTINGS = [
  'fsync',
  'synchronous_commit',
  'wal_sync_method',
  'full_page_writes',
  'shared_buffers',
  'max_wal_size',
  'max_connections',
];

export async function machineInfo(adminUrl: string): Promise<MachineInfo> {
  const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const version = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      'select name, setting, unit from pg_settings where name = any($1)',
      [SETTINGS],
    );
    const settings = Object.fromEntries(rows.map((r) => [r.name, r.unit && r.unit !== '' ? `${r.setting} (${r.unit})` : r.setting]));
    return {
      cpu: model,
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      kernel: release(),
      node: process.version,
      postgres: version,
      settings,
    };
  } finally {
    await client.end();
  }
}
