import { InboundEvent } from './inbound-event.ts';
import { JobNotice } from './job-notice.ts';
import { PlatformIdentity } from './platform-identity.ts';
import { User } from './user.ts';

export { InboundEvent, JobNotice, PlatformIdentity, User };

export const entities = [User, PlatformIdentity, JobNotice, InboundEvent];
