import type { Activity } from 'botbuilder';
import type { Actor } from '../../tickets/index.js';

/** Who counts as staff: people of the allowed Microsoft 365 tenants, talking to the bot in Teams. */
export interface StaffPolicy {
  tenantIds: readonly string[];
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = typeof data?.tenant?.id === 'string' ? data.tenant.id : undefined;
  return fromChannel ?? activity.conversation?.tenantId;
}

export function isStaff(activity: Partial<Activity>, policy: StaffPolicy): boolean {
  const tenant = tenantOf(activity)?.toLowerCase();
  return activity.channelId === 'msteams' && tenant !== undefined && policy.tenantIds.some((id) => id.toLowerCase() === tenant);
}

/** The staff member acting, for the audit trail and "opgepakt door ...". */
export function actorOf(activity: Partial<Activity>): Actor {
  const from = activity.from;
  return { id: from?.aadObjectId ?? from?.id ?? 'unknown', name: from?.name?.trim() || 'een medewerker', via: 'teams' };
}
