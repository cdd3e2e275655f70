import { Inject, Injectable } from '@nestjs/common';
import type { Sealer } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import {
  INTAKE_READ_MODEL,
  type DirectoryCounsellor,
  type IntakeOrganisation,
  type IntakeReadModel,
} from '../ports/intake-read-model.port';

/** A counsellor as the intake page lists them: by name (employees must find their counsellor), never erased. */
export interface ListedCounsellor {
  counsellorId: string;
  name: string;
  introduction?: string;
  kind: DirectoryCounsellor['kind'];
  gender: DirectoryCounsellor['gender'];
  languages: string[];
}

/** An organisation's page as the directory tells it, names opened. */
export interface ListedOrganisation {
  organisation: IntakeOrganisation;
  name: string;
  counsellors: ListedCounsellor[];
}

/**
 * Intake's copy of matching's directory, opened for the public page. Matching seals each record's name and
 * introduction under that record's own key (`directory:<kind>:<id>`); a value is opened only as that record's, so
 * a name copied onto another record reads as nobody's. Erased (the key shredded): the counsellor is not listed, an
 * organisation has no page.
 */
@Injectable()
export class IntakeDirectory {
  constructor(
    @Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  async organisation(intakeCode: string): Promise<ListedOrganisation | undefined> {
    const organisation = await this.readModel.organisationByCode(intakeCode);
    if (!organisation) return undefined;
    const name = await this.open(organisation.sealedName, 'organisation', organisation.organisationId);
    if (name === undefined) return undefined;
    return { organisation, name, counsellors: await this.counsellors(organisation) };
  }

  /** The counsellors the organisation's page lists, in its order: those whose name is not erased. */
  async counsellors(organisation: IntakeOrganisation): Promise<ListedCounsellor[]> {
    const listed = await Promise.all(organisation.counsellors.map((c) => this.listed(c)));
    return listed.filter((c): c is ListedCounsellor => c !== undefined);
  }

  private async listed(c: DirectoryCounsellor): Promise<ListedCounsellor | undefined> {
    const name = await this.open(c.sealedName, 'counsellor', c.counsellorId);
    if (name === undefined) return undefined;
    const introduction = c.sealedIntroduction ? await this.open(c.sealedIntroduction, 'counsellor', c.counsellorId) : undefined;
    return {
      counsellorId: c.counsellorId,
      name,
      ...(introduction !== undefined ? { introduction } : {}),
      kind: c.kind,
      gender: c.gender,
      languages: c.languages,
    };
  }

  private async open(sealed: string, kind: 'organisation' | 'counsellor', id: string): Promise<string | undefined> {
    const opened = await this.sealer.unseal(sealed, { caseRef: `directory:${kind}:${id}` });
    return opened.status === 'ok' && typeof opened.value === 'string' ? opened.value : undefined;
  }
}
