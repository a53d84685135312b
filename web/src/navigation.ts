// Where each role can go: the salesperson's pages for everyone, sales management for managers
// and admins, administration for admins. The PC sidebar, the phone's "manage" page and the
// router's role check all read this one list.
import type { RoleName } from '@/api/types';

export interface NavLink {
  to: string;
  label: string; // message key
  icon: string;
}

export interface NavSection {
  label: string;
  roles: RoleName[];
  links: NavLink[];
}

/** Leaderboards are for the sales team (not service staff): a tab of its own, on a phone too. */
export const salesTeam: RoleName[] = ['admin', 'manager', 'sales'];
export const boardsLink: NavLink = { to: '/boards', label: 'nav.boards', icon: '♛' };

export function boardsLinkFor(role: RoleName | undefined): NavLink[] {
  return role && salesTeam.includes(role) ? [boardsLink] : [];
}

export const managerSection: NavSection = {
  label: 'nav.managerSection',
  roles: ['admin', 'manager'],
  links: [
    { to: '/manage/campaigns', label: 'nav.campaigns', icon: '⚑' },
    { to: '/manage/targets', label: 'nav.targets', icon: '◎' },
    { to: '/manage/pipeline', label: 'nav.pipeline', icon: '⇶' },
    { to: '/manage/handover', label: 'nav.handover', icon: '⇄' },
    { to: '/manage/imports', label: 'nav.imports', icon: '⇪' },
    { to: '/manage/good-news', label: 'nav.goodNews', icon: '★' },
    { to: '/manage/metrics', label: 'nav.metrics', icon: '∑' },
    { to: '/manage/points', label: 'nav.pointRules', icon: '◆' },
    { to: '/manage/badges', label: 'nav.badges', icon: '✪' },
    { to: '/manage/challenges', label: 'nav.challenges', icon: '⚔' },
    { to: '/manage/rewards', label: 'nav.rewards', icon: '¤' },
    { to: '/manage/gaming', label: 'nav.gaming', icon: '⚠' },
  ],
};

export const adminSection: NavSection = {
  label: 'nav.adminSection',
  roles: ['admin'],
  links: [
    { to: '/admin/users', label: 'nav.users', icon: '☺' },
    { to: '/admin/departments', label: 'nav.departments', icon: '⌂' },
    { to: '/admin/products', label: 'nav.products', icon: '◈' },
    { to: '/admin/tokens', label: 'nav.tokens', icon: '#' },
    { to: '/admin/chat', label: 'nav.chat', icon: '✉' },
    { to: '/admin/calendar', label: 'nav.calendar', icon: '▦' },
    { to: '/admin/audit', label: 'nav.audit', icon: '☰' },
    { to: '/admin/merge', label: 'nav.merge', icon: '⇲' },
  ],
};

export function sectionsFor(role: RoleName | undefined): NavSection[] {
  return role ? [managerSection, adminSection].filter((s) => s.roles.includes(role)) : [];
}
