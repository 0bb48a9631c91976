import type { Activity } from 'botbuilder';
import type { Actor } from '../../tickets/index.js';
import type { GroupCheck } from './group-membership.js';

/** Who counts as staff: people of the allowed Microsoft 365 tenants, talking to the bot in Teams (and in a group). */
export interface StaffPolicy {
  tenantIds: readonly string[];
  /** When set, staff must also be members of this Entra ID group. */
  inGroup?: GroupCheck;
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = typeof data?.tenant?.id === 'string' ? data.tenant.id : undefined;
  return fromChannel ?? activity.conversation?.tenantId;
}

export async function isStaff(activity: Partial<Activity>, policy: StaffPolicy): Promise<boolean> {
  const tenant = tenantOf(activity)?.toLowerCase();
  const inTenant = activity.channelId === 'msteams' && tenant !== undefined && policy.tenantIds.some((id) => id.toLowerCase() === tenant);
  if (!inTenant || !policy.inGroup) return inTenant;
  const user = activity.from?.aadObjectId;
  return user !== undefined && (await policy.inGroup(user));
}

/** The staff member acting, for the audit trail and "opgepakt door ...". */
export function actorOf(activity: Partial<Activity>): Actor {
  const from = activity.from;
  return { id: from?.aadObjectId ?? from?.id ?? 'unknown', name: from?.name?.trim() || 'een medewerker', via: 'teams' };
}
