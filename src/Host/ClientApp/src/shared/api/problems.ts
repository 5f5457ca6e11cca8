/** RFC 7807 problem details as the Host answers them; `errors` maps a JSON path to its messages. */
export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** Thrown by feature api.ts functions so queries and mutations fail with what the server said. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The server's messages for one field (its JSON path, e.g. `customer.name`), if any. */
  fieldErrors(path: string): string[] {
    return this.problem.errors?.[path] ?? [];
  }
}

interface FetchOutcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, else an ApiError carrying the problem details. */
export function unwrap<T>({ data, error, response }: FetchOutcome<T>): T {
  if (!response.ok) throw new ApiError(response.status, (error ?? undefined) as Problem | undefined);
  return data as T;
}
