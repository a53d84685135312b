// The week's recognition as the API gives it (docs/openapi.json: FlagParade, RecognitionDigest).
import type { EarnedFlag } from '@/api/recognitionTypes';

export interface ParadePerson {
  staff_id: number;
  name: string;
  flags: EarnedFlag[];
  celebrate_publicly: boolean;
}

export interface FlagParade {
  week: string;
  from: string;
  to: string;
  people: ParadePerson[];
}

export interface DigestChallenge {
  challenge_id: number;
  name: string;
  outcome: 'completed' | 'won';
  at: string;
}

export interface DigestPerson {
  staff_id: number;
  name: string;
  flags: { function: string; name: string; colour: string; earned_at: string | null }[];
  badges: { rule_id: number; name: string; visit_id: number; first_earned_at: string }[];
  level_up: { from: string; to: string; status: number } | null;
  celebrate_publicly: boolean;
  challenges: DigestChallenge[];
}

export interface RecognitionDigest {
  week: string;
  from: string;
  to: string;
  company: { people: number; flags: number; badges: number; level_ups: number; challenges: number };
  people: DigestPerson[];
  team_challenges: (DigestChallenge & { subject: 'department' | 'company' | 'group'; subject_id: number; subject_name: string | null })[];
}

/** Whether a person of the digest has anything beyond flags to celebrate (the parade shows flags). */
export function hasMoreThanFlags(p: DigestPerson): boolean {
  return p.badges.length > 0 || p.level_up !== null || p.challenges.length > 0;
}
