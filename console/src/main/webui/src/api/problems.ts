/** An RFC 9457 problem as the services answer it, with the fields it names. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  violations?: { field: string; message: string }[];
}

/** What failed, in words a person understands, naming the field when the service named one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(describe(status, problem));
  }

  /** The message for one field, when the service named it. */
  fieldMessage(field: string): string | undefined {
    return this.problem?.violations?.find((v) => v.field === field || v.field.endsWith('.' + field))?.message;
  }
}

export function describe(status: number, problem: Problem | undefined): string {
  const fields = problem?.violations?.map((v) => `${humanField(v.field)}: ${v.message}`) ?? [];
  if (fields.length > 0) {
    return `Please check ${fields.join('; ')}.`;
  }
  switch (status) {
    case 0:
      return 'The service could not be reached. Check your connection and try again.';
    case 401:
      return 'Your sign-in has expired. Please sign in again.';
    case 403:
      return problem?.detail ?? 'You are not allowed to see or change this.';
    case 404:
      return `Not found: ${problem?.detail ?? 'it may have been deleted, or belong to another clinic'}.`;
    case 409:
      return problem?.detail ?? 'Someone changed this at the same time. Reload and try again.';
    case 429:
      return problem?.detail ?? 'Too many requests for now. Please wait a moment and try again.';
    default:
      return problem?.detail ?? `The service answered with an error (${status}). Please try again.`;
  }
}

/** "associatedSymptoms[0].code" reads as "associated symptoms 1 code". */
export function humanField(field: string): string {
  return field
    .replace(/\[(\d+)\]/g, (_, i: string) => ` ${Number(i) + 1}`)
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
