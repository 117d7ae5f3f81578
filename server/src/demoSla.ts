import type { CalendarInput, PolicyInput } from '@handoff/shared';
import { CalendarInputSchema, PolicyInputSchema } from '@handoff/shared';
import type { Services } from './context.js';

const office = [{ from: '09:00', to: '17:00' }];

/** Business hours in Berlin with German public holidays and the company's own closed days; and 24/7. */
export const DEMO_CALENDARS: CalendarInput[] = [
  {
    id: 'office-de',
    name: 'Office hours Berlin (Mon–Fri 9–17, German holidays)',
    timeZone: 'Europe/Berlin',
    hours: { mon: office, tue: office, wed: office, thu: office, fri: office },
    holidayCountry: 'DE',
    holidayRegion: 'BE',
    closedDates: ['2026-12-24', '2026-12-31'],
  },
  { id: 'always', name: '24/7', timeZone: 'UTC', alwaysOpen: true },
];

export const DEMO_PLANS = [
  { id: 'standard', name: 'Standard' },
  { id: 'premium', name: 'Premium (24/7 support)' },
];
export const DEMO_CUSTOMER_PLANS = [{ org: 'Northwind', plan: 'premium' }];

const H = 60;
/** Realistic promises: critical around the clock, the rest in business hours; premium customers get 24/7 for high. */
export const DEMO_POLICIES: PolicyInput[] = [
  {
    id: 'critical',
    name: 'Critical: respond within 1 h, around the clock',
    severity: 'critical',
    calendar: 'always',
    firstResponseMinutes: 1 * H,
    nextUpdateMinutes: 2 * H,
    resolutionMinutes: 8 * H,
    customerFacing: true,
  },
  {
    id: 'high',
    name: 'High: respond within 4 business hours',
    severity: 'high',
    calendar: 'office-de',
    firstResponseMinutes: 4 * H,
    nextUpdateMinutes: 8 * H,
    resolutionMinutes: 40 * H,
    customerFacing: true,
  },
  {
    id: 'high-premium',
    name: 'High (premium): respond within 2 h, around the clock',
    severity: 'high',
    plan: 'premium',
    calendar: 'always',
    firstResponseMinutes: 2 * H,
    nextUpdateMinutes: 4 * H,
    resolutionMinutes: 24 * H,
    customerFacing: true,
  },
  {
    id: 'medium',
    name: 'Medium: respond within 1 business day',
    severity: 'medium',
    calendar: 'office-de',
    firstResponseMinutes: 8 * H,
    resolutionMinutes: 80 * H,
  },
  {
    id: 'low',
    name: 'Low: respond within 2 business days',
    severity: 'low',
    calendar: 'office-de',
    firstResponseMinutes: 16 * H,
    resolutionMinutes: 160 * H,
  },
];

/** Tier-1 helpdesk and tier-3 engineering around the demo's technical teams (tier 2). */
export const DEMO_TIER_TEAMS = [
  { id: 'helpdesk', name: 'Helpdesk', tier: 1 },
  { id: 'accounts', name: 'Accounts & sign-in', tier: 2 },
  { id: 'billing', name: 'Billing', tier: 2 },
  { id: 'platform', name: 'Platform', tier: 2 },
  { id: 'mobile', name: 'Mobile apps', tier: 2 },
  { id: 'engineering', name: 'Core engineering', tier: 3 },
];

/** Seeds calendars, plans, customers' plans, policies and tiers (before the demo incidents, so they carry promises). */
export async function seedDemoSla({ store, sla, incidents }: Services): Promise<void> {
  for (const t of DEMO_TIER_TEAMS) await store.upsertTeam(t);
  for (const c of DEMO_CALENDARS) await sla.config.upsertCalendar(CalendarInputSchema.parse(c));
  for (const p of DEMO_PLANS) await sla.config.upsertPlan(p);
  for (const c of DEMO_CUSTOMER_PLANS) await sla.config.setCustomerPlan(c);
  for (const p of DEMO_POLICIES) {
    const policy = PolicyInputSchema.parse(p);
    await store.write(async (trx) => {
      await sla.config.checkPolicy(trx, policy);
      await sla.config.writePolicy(trx, policy);
      await sla.timers.recomputeOpen(trx, incidents, policy.severity, policy.name);
    });
  }
}
