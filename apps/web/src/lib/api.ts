import type { Problem } from '@netra/contracts';

/**
 * A small typed client for the Netra API. Every request goes to the same origin with the
 * session cookie; state-changing requests carry the CSRF token the API handed out at
 * sign-in (or in /auth/me). Errors arrive as application/problem+json and are thrown as
 * ApiError so the UI can show the localized message.
 */

export const API_BASE = '/api/v1';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever an authenticated request comes back 401 (session expired or revoked). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | null {
    return this.problem?.code ?? null;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    'message' in value &&
    typeof (value as { message: unknown }).message === 'object'
  );
}

function parseProblem(text: string): Problem | null {
  try {
    const body: unknown = JSON.parse(text);
    return isProblem(body) ? body : null;
  } catch {
    return null;
  }
}

/** Paths whose 401 is an expected answer rather than an expired session. */
const AUTH_PATHS = ['/auth/me', '/auth/login', '/auth/totp'];

function handleUnauthorized(path: string, status: number): void {
  if (status === 401 && !AUTH_PATHS.includes(path)) onUnauthorized?.();
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON, or a FormData sent as multipart as it is. */
  body?: unknown;
  signal?: AbortSignal;
  /** Without cookie or CSRF token: nothing ties the request to a signed-in session. */
  anonymous?: boolean;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const anonymous = options.anonymous ?? false;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken && !anonymous) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: anonymous ? 'omit' : 'same-origin',
    signal: options.signal,
  });
  const text = await response.text();
  if (!response.ok) {
    if (!anonymous) handleUnauthorized(path, response.status);
    throw new ApiError(response.status, parseProblem(text));
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A signed-in POST whose answer is a file (e.g. an evidence original opened with a reason): the file, and its name from Content-Disposition. */
export async function postForFile(path: string, body: unknown): Promise<{ blob: Blob; fileName: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(buildUrl(path), { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  if (!response.ok) {
    handleUnauthorized(path, response.status);
    throw new ApiError(response.status, parseProblem(await response.text()));
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), fileName: name ? decodeURIComponent(name) : null };
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) =>
    request<T>('POST', path, { body, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * For the public pages (/lapor): requests carry no cookie and no CSRF token, even in a browser
 * where someone is signed in, so an anonymous tip is never linked to an account.
 */
export const publicApi = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal, anonymous: true }),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, { body, anonymous: true }),
};

export interface UploadOptions {
  query?: Record<string, QueryValue>;
  fieldName?: string;
  /** Called with the fraction (0..1) of the request body sent so far. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Multipart upload with progress. fetch() cannot report upload progress, so this one
 * request uses XMLHttpRequest.
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => options.onProgress?.(1);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, null));
        }
        return;
      }
      handleUnauthorized(path, xhr.status);
      reject(new ApiError(xhr.status, parseProblem(xhr.responseText)));
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append(options.fieldName ?? 'file', file, file.name);
    xhr.send(form);
  });
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
