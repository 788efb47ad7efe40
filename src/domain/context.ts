/** What every domain service is built with: the store, the clock and the few outside services. */

import type { SecretBox } from '../crypto/secret-box.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Clock } from './clock.ts';
import type { Role } from './roles.ts';
import type { DeskSettings } from './support/calendar.ts';
import type { UnitOfWork } from './tx.ts';

export interface DomainContext {
  uow: UnitOfWork;
  clock: Clock;
  files: FileStorage;
  secrets: SecretBox;
  /** IANA zone of business dates (pay dates, month close, quiet hours). */
  businessTimeZone: string;
  openSignupRole: Role | null;
  /** The support desk's calendar and urgent numbers; undefined: the call centre's defaults. */
  desk?: DeskSettings | undefined;
  /** Where the operator's texts live (the NDA among them); undefined: the repository's `content/`. */
  contentDir?: string | undefined;
  /** The business that orders work posted by staff (発注事業者), for the order terms (docs/domain.md §1.4). */
  operatorName?: string | undefined;
}
