// The settings' tests answer procedures with the input alone; the wire format is the shared
// helper's (src/test/trpc.ts).
import { procedure, type InputOf, type OutputOf, type Procedure, type TrpcErrorAnswer } from "../../test/trpc";

export type SettingsProcedure = Procedure;
type Resolver<P extends SettingsProcedure> = (input: InputOf<P>) => OutputOf<P> | TrpcErrorAnswer | Promise<OutputOf<P> | TrpcErrorAnswer>;

/** Answers one procedure; `resolve` gets the input and returns the data or a TrpcErrorAnswer. */
export function settingsProcedure<P extends SettingsProcedure>(path: P, resolve: Resolver<P>) {
  return procedure(path, ({ input }) => resolve(input));
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
