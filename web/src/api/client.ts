// The one place the UI talks HTTP to Laurel. Browsers authenticate with the HttpOnly session
// cookie set at login; writes carry the session's CSRF token, as the API requires.
import { ApiError, NetworkError, type Problem } from './problem';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (the session expired or was revoked). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  init: { signal?: AbortSignal; rawBody?: BodyInit; contentType?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (init.rawBody !== undefined) {
    payload = init.rawBody;
    if (init.contentType) headers['Content-Type'] = init.contentType;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new NetworkError(cause);
  }

  const text = await response.text().catch((cause: unknown) => {
    throw new NetworkError(cause);
  });
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw failure(response, path, parsed);
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** The error an answer with an error status stands for (a 401 also ends the session here). */
function failure(response: Response, path: string, parsed: unknown): ApiError {
  const problem: Problem =
    parsed && typeof parsed === 'object' && 'status' in parsed
      ? (parsed as Problem)
      : { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
  if (response.status === 401 && onUnauthenticated && path !== '/api/v1/auth/login') {
    onUnauthenticated();
  }
  return new ApiError(response.status, problem);
}

/** A file (an export), read with the session like any call: its bytes and the name it is given. */
export async function fetchFile(path: string): Promise<{ blob: Blob; disposition: string | null }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw failure(response, path, text ? safeJson(text) : undefined);
  }
  const blob = await response.blob().catch((cause: unknown) => {
    throw new NetworkError(cause);
  });
  return { blob, disposition: response.headers.get('Content-Disposition') };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return (await request<T>('GET', withQuery(path, query), undefined, { signal })).body;
}

export async function post<T>(path: string, body?: unknown): Promise<T> {
  return (await request<T>('POST', path, body)).body;
}

export async function patch<T>(path: string, body: unknown): Promise<T> {
  return (await request<T>('PATCH', path, body)).body;
}

export async function put<T>(path: string, body: unknown): Promise<T> {
  return (await request<T>('PUT', path, body)).body;
}

export async function del(path: string): Promise<void> {
  await request<void>('DELETE', path);
}
