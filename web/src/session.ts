// Who is signed in, shared by every page. The session itself lives in the HttpOnly cookie; on a
// reload the UI asks /api/v1/auth/session who it belongs to and takes its CSRF token back.
import { reactive, readonly } from 'vue';
import { get, post, setCsrfToken } from '@/api/client';
import { ApiError } from '@/api/problem';
import type { LoginResponse, Me, Session } from '@/api/types';

interface SessionState {
  user: Me | null;
  timeZone: string;
  checked: boolean; // the first /auth/session answer has arrived
}

const state = reactive<SessionState>({ user: null, timeZone: 'Asia/Shanghai', checked: false });
export const session = readonly(state);

export async function restoreSession(): Promise<Me | null> {
  try {
    const s = await get<Session>('/api/v1/auth/session');
    state.user = s.user;
    state.timeZone = s.time_zone;
    setCsrfToken(s.csrf_token);
  } catch (error) {
    // Laurel unreachable: not "signed out"; the next navigation asks again.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    state.user = null;
  }
  state.checked = true;
  return state.user;
}

export async function login(username: string, password: string): Promise<Me> {
  const answer = await post<LoginResponse>('/api/v1/auth/login', { username, password });
  state.user = answer.user;
  state.timeZone = answer.time_zone;
  state.checked = true;
  setCsrfToken(answer.csrf_token);
  return answer.user;
}

export async function logout(): Promise<void> {
  try {
    await post('/api/v1/auth/logout');
  } finally {
    forgetSession();
  }
}

/** The session ended on the server (expired or revoked): forget it here too. */
export function forgetSession(): void {
  state.user = null;
  setCsrfToken(null);
}

export function hasRole(...roles: Me['role'][]): boolean {
  return state.user !== null && roles.includes(state.user.role);
}
