import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as JournalPaths, components as JournalComponents } from './generated/journal';
import type { paths as TriagePaths, components as TriageComponents } from './generated/triage';
import type { paths as CatalogPaths, components as CatalogComponents } from './generated/catalog';
import { ApiError, type Problem } from './problems';

export type Alert = TriageComponents['schemas']['AlertResponse'];
export type PatientStatus = TriageComponents['schemas']['PatientStatusResponse'];
export type Entry = JournalComponents['schemas']['EntryResponse'];
export type PainReport = JournalComponents['schemas']['PainReport'];
export type ExercisePlan = CatalogComponents['schemas']['ExercisePlan'];

/** What the console's own server tells the browser: where the services are, and how to sign in. */
export interface ConsoleSettings {
  journalUrl: string;
  triageUrl: string;
  catalogUrl: string;
  devSignIn: boolean;
}

export interface Session {
  token: string;
  expiresAt: string;
  clinicId: string;
  role: 'patient' | 'clinician' | 'clinic-admin';
  subject: string;
}

export async function loadSettings(): Promise<ConsoleSettings> {
  const response = await fetch('/console/api/settings');
  if (!response.ok) {
    throw new ApiError(response.status, undefined);
  }
  return response.json();
}

export async function devSignIn(clinicId: string, role: string, subject: string): Promise<Session> {
  const response = await fetch('/console/api/dev-sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ clinicId, role, subject }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.json();
}

/** The session of the clinic's sign-in (OpenID Connect, production), or undefined when not signed in. */
export async function clinicSession(): Promise<Session | undefined> {
  const response = await fetch('/console/api/session', { redirect: 'manual', credentials: 'same-origin' });
  return response.ok ? response.json() : undefined;
}

export async function problemOf(response: Response): Promise<Problem | undefined> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

/** The three services' typed clients, each request carrying the session's token (kept in memory only). */
export function clients(settings: ConsoleSettings, session: Session, onUnauthorized: () => void) {
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${session.token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) {
        onUnauthorized();
      }
      return response;
    },
  };
  const journal = createClient<JournalPaths>({ baseUrl: settings.journalUrl });
  const triage = createClient<TriagePaths>({ baseUrl: settings.triageUrl });
  const catalog = createClient<CatalogPaths>({ baseUrl: settings.catalogUrl });
  [journal, triage, catalog].forEach((c) => c.use(auth));
  return { journal, triage, catalog, settings, session };
}

export type Clients = ReturnType<typeof clients>;

/** The data of an answer, or an ApiError that says what went wrong. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, undefined);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, result.error as Problem | undefined);
  }
  return result.data as T;
}
