// The clinic's feature flags (clinic.flags.*, ADR 0039): what is on, and where that comes from.
// The owner switches the flags marked for owners; the platform operator's choices are shown, not
// offered (they are set with `pnpm flags`).
import { can, type FlagName } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import { useStaffSession } from "../StaffLayout";
import styles from "./settings.module.css";

const SOURCE_NAMES = { default: "Default", owner: "Set by the owner", operator: "Set by the platform operator" } as const;

export function FlagsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { membership } = useStaffSession();
  const flags = useQuery(trpc.clinic.flags.get.queryOptions());
  const set = useMutation(
    trpc.clinic.flags.set.mutationOptions({ onSuccess: (answer) => queryClient.setQueryData(trpc.clinic.flags.get.queryKey(), answer) }),
  );
  const isOwner = can(membership.role, "clinic.flags.set");
  const change = (name: string, value: boolean | null) => set.mutate({ name: name as FlagName, value });

  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">Features</h2>
      <p>{isOwner ? "Switch parts of Frontdesk on or off for this clinic." : "Only an owner of the clinic can switch these."}</p>
      {set.isError ? <ErrorNotice title="The change was not saved" message={describeFailure(set.error).message} /> : null}
      {flags.isPending ? (
        <Loading label="Loading the features…" />
      ) : flags.isError ? (
        <ErrorNotice title="The features could not be loaded" message={describeFailure(flags.error).message} onRetry={() => void flags.refetch()} />
      ) : (
        <ul className={styles.flagList}>
          {flags.data.flags.map((flag) => {
            // The operator's word wins: an owner cannot change a flag the operator has set.
            const ownerMay = isOwner && flag.setBy === "owner" && flag.source !== "operator";
            const descriptionId = `flag-${flag.name}-description`;
            return (
              <li key={flag.name}>
                <label>
                  <input
                    type="checkbox"
                    checked={flag.value}
                    disabled={!ownerMay || set.isPending}
                    aria-describedby={descriptionId}
                    onChange={(e) => change(flag.name, e.target.checked)}
                  />{" "}
                  {flag.label}
                </label>
                <p id={descriptionId}>
                  {flag.description} <em>{flag.setBy === "operator" && flag.source === "default" ? "Set by the platform operator (not yet on)" : SOURCE_NAMES[flag.source]}.</em>
                </p>
                {ownerMay && flag.source === "owner" ? (
                  <Button variant="secondary" disabled={set.isPending} onClick={() => change(flag.name, null)} aria-label={`Use the default for ${flag.label}`}>
                    Use the default ({flag.default ? "on" : "off"})
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
