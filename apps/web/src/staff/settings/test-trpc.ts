// msw handlers for the settings' procedures, in the same wire format as src/test/trpc.ts (which
// covers only the public and sign-in procedures and is shared; this file is the settings' own).
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { TrpcErrorAnswer } from "../../test/trpc";

type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

type SettingsQuery =
  | "auth.me"
  | "clinic.settings.get"
  | "practitioners.list"
  | "services.list"
  | "schedule.getWeek"
  | "schedule.exceptions.list"
  | "clinic.staff.list"
  | "clinic.audit.list";

const SETTINGS_MUTATIONS = [
  "clinic.settings.update",
  "practitioners.create",
  "practitioners.update",
  "practitioners.setServices",
  "practitioners.remove",
  "services.create",
  "services.update",
  "services.remove",
  "schedule.setWeek",
  "schedule.exceptions.add",
  "schedule.exceptions.remove",
  "clinic.staff.invite",
  "clinic.staff.setRole",
  "clinic.staff.remove",
] as const;

export type SettingsProcedure = SettingsQuery | (typeof SETTINGS_MUTATIONS)[number];
type InputOf<P extends SettingsProcedure> = At<RouterInputs, P>;
type OutputOf<P extends SettingsProcedure> = At<RouterOutputs, P>;
type Resolver<P extends SettingsProcedure> = (input: InputOf<P>) => OutputOf<P> | TrpcErrorAnswer | Promise<OutputOf<P> | TrpcErrorAnswer>;

const isMutation = (path: SettingsProcedure) => (SETTINGS_MUTATIONS as readonly string[]).includes(path);

const ERROR_STATUS: Record<TrpcErrorAnswer["code"], [number, number]> = {
  BAD_REQUEST: [-32600, 400],
  UNAUTHORIZED: [-32001, 401],
  FORBIDDEN: [-32003, 403],
  NOT_FOUND: [-32004, 404],
  CONFLICT: [-32009, 409],
  TOO_MANY_REQUESTS: [-32029, 429],
  INTERNAL_SERVER_ERROR: [-32603, 500],
};

/** Answers one settings procedure; `resolve` gets the input and returns the data or a TrpcErrorAnswer. */
export function settingsProcedure<P extends SettingsProcedure>(path: P, resolve: Resolver<P>) {
  const method = isMutation(path) ? http.post : http.get;
  return method(`*/trpc/${path}`, async ({ request }) => {
    const raw = isMutation(path) ? (await request.text()) || "null" : (new URL(request.url).searchParams.get("input") ?? "null");
    const answer = await resolve(JSON.parse(raw) as InputOf<P>);
    if (answer instanceof TrpcErrorAnswer) {
      const [code, httpStatus] = ERROR_STATUS[answer.code];
      return HttpResponse.json(
        { error: { message: answer.message, code, data: { code: answer.code, httpStatus, path, ...answer.extra } } },
        { status: httpStatus },
      );
    }
    return HttpResponse.json({ result: { data: answer as JsonBodyType } });
  });
}

/** Every input a procedure received, in order. */
export function callsOf<P extends SettingsProcedure>(path: P, answer: (input: InputOf<P>) => OutputOf<P> | TrpcErrorAnswer) {
  const calls: Array<InputOf<P>> = [];
  const handler = settingsProcedure(path, (input) => {
    calls.push(input);
    return answer(input);
  });
  return { calls, handler };
}
