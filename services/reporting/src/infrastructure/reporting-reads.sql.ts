import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { caseKey } from '@vertrouwd/privacy';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { AgencyRulesProjector } from '../application/disclosure-rules/agency-rules.projector';
import { per100 } from '../application/reports/report-content';
import type { OrganisationYear, ReportingReads, ReportSigner } from '../application/ports/reporting-reads.port';
import { DEFAULT_BENCHMARK_RULES, type BenchmarkRules } from '../domain/benchmarks/benchmark-rules';

/** Reporting's reads in SQL on its own database. */
@Injectable()
export class SqlReportingReads implements ReportingReads {
  constructor(private readonly readModels: ReadModels) {}

  async agencyOf(organisationId: string): Promise<string | undefined> {
    const rows: { agency_id: string }[] = await this.readModels.dataSource.query(
      'select agency_id from reporting_organisations where organisation_id = $1',
      [organisationId],
    );
    return rows[0]?.agency_id;
  }

  async agencyReportsPer100(agencyId: string, year: number): Promise<string | null> {
    const [row]: { cases: number; headcount: number }[] = await this.readModels.dataSource.query(
      `select (select count(*) from reporting_cases where agency_id = $1 and year = $2)::int as cases,
              (select coalesce(sum(headcount), 0) from reporting_organisations where agency_id = $1)::int as headcount`,
      [agencyId, year],
    );
    return row ? per100(row.cases, row.headcount) : null;
  }

  async organisationYears(agencyId: string, year: number): Promise<OrganisationYear[]> {
    const rows: { organisation_id: string; headcount: number; sbi_code: string; theme: string | null; cases: number }[] =
      await this.readModels.dataSource.query(
        `select o.organisation_id, o.headcount, o.sbi_code, c.theme, count(c.case_ref)::int as cases
           from reporting_organisations o
           left join reporting_cases c on c.organisation_id = o.organisation_id and c.year = $2
          where o.agency_id = $1 and o.active and o.headcount > 0
          group by o.organisation_id, o.headcount, o.sbi_code, c.theme
          order by o.organisation_id`,
        [agencyId, year],
      );
    const byOrganisation = new Map<string, OrganisationYear>();
    for (const row of rows) {
      const found = byOrganisation.get(row.organisation_id) ?? {
        organisationId: row.organisation_id,
        headcount: row.headcount,
        sbiCode: row.sbi_code,
        cases: 0,
        byTheme: {},
      };
      found.cases += row.cases;
      if (row.theme !== null) found.byTheme[row.theme] = row.cases;
      byOrganisation.set(row.organisation_id, found);
    }
    return [...byOrganisation.values()];
  }

  async benchmarkRules(agencyId: string): Promise<BenchmarkRules> {
    const rows: { k: number; min_organisations: number; max_share_percent: number }[] = await this.readModels.dataSource.query(
      'select k, min_organisations, max_share_percent from reporting_agency_rules where agency_id = $1',
      [agencyId],
    );
    const row = rows[0];
    return row ? { k: row.k, minOrganisations: row.min_organisations, maxSharePercent: row.max_share_percent } : DEFAULT_BENCHMARK_RULES;
  }

  rulesCaughtUp(): Promise<void> {
    return this.readModels.projection(AgencyRulesProjector.NAME).caughtUp();
  }
}

/** The vault ref the service's secrets are sealed under; never shredded. */
const SECRETS_KEY = caseKey('reporting.service-secrets');

/**
 * The Ed25519 key that signs published reports, made on first use and kept sealed in the service's database (a dump
 * alone cannot sign); every replica shares it, the first to insert wins.
 */
@Injectable()
export class SealedReportSigner implements ReportSigner {
  private key: Promise<KeyObject> | undefined;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  async sign(digestHex: string): Promise<string> {
    return sign(null, Buffer.from(digestHex, 'hex'), await this.privateKey()).toString('base64');
  }

  async publicKey(): Promise<KeyObject> {
    return createPublicKey(await this.privateKey());
  }

  private privateKey(): Promise<KeyObject> {
    this.key ??= this.load();
    return this.key;
  }

  private async load(): Promise<KeyObject> {
    const { sealer } = this.platform.privacy;
    const db = this.readModels.dataSource;
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await db.query('insert into reporting_secrets (name, sealed_value) values ($1, $2) on conflict do nothing', [
      'report-signing-key',
      await sealer.seal(pem, SECRETS_KEY),
    ]);
    const rows: { sealed_value: string }[] = await db.query("select sealed_value from reporting_secrets where name = 'report-signing-key'");
    const opened = await sealer.unseal<string>(rows[0]?.sealed_value ?? '', { caseRef: SECRETS_KEY.caseRef });
    if (opened.status !== 'ok') throw new Error('the report-signing key cannot be opened');
    return createPrivateKey(opened.value);
  }
}
