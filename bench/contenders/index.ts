import type { Contender, ContenderName } from './contender';
import { EmmettContender } from './emmett';
import { OursContender } from './ours';
import { RawContender } from './raw';

export const CONTENDERS: ContenderName[] = ['ours', 'emmett', 'raw'];

export function createContender(name: ContenderName): Contender {
  switch (name) {
    case 'ours':
      return new OursContender();
    case 'emmett':
      return new EmmettContender();
    case 'raw':
      return new RawContender();
  }
}
