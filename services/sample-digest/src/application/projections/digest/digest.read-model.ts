import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Marks and total weight per topic: what a coordinator sees. Counts only, never a remark. */
@Entity({ name: 'digest_topics' })
export class DigestTopic {
  @PrimaryColumn('text') topic!: string;
  @Column('int') marks!: number;
  @Column('int') weight!: number;
}
