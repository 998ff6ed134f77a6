// While a new patient's details are typed: the clinic's records that may be the same person
// (same e-mail, phone, or name and date of birth), shown before a duplicate is made, with the
// choice to use the existing record instead.
import type { RouterOutputs } from "@frontdesk/api";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { useDebouncedValue } from "../../lib/useDebouncedValue";
import { Button } from "../../ui/Button";
import styles from "./calendar.module.css";

export type PossibleDuplicate = RouterOutputs["patients"]["duplicates"]["items"][number];

const WHY = { email: "same e-mail", phone: "same phone", nameAndBirth: "same name and date of birth" } as const;
const DELAY_MS = 300;

export function PossibleDuplicates({
  fullName,
  email,
  phone,
  dateOfBirth,
  onUse,
}: {
  fullName: string;
  email: string;
  phone: string;
  dateOfBirth?: string;
  onUse: (patient: PossibleDuplicate) => void;
}) {
  const trpc = useTRPC();
  // Only what looks complete is sent: a half-typed e-mail or number would be refused.
  const settled = useDebouncedValue(
    JSON.stringify({
      ...(fullName.trim() ? { fullName: fullName.trim() } : {}),
      ...(/^\S+@\S+\.\S+$/.test(email.trim()) ? { email: email.trim() } : {}),
      ...(phone.replace(/\D/g, "").length >= 6 && /^\+?[0-9 ().-]{6,40}$/.test(phone.trim()) ? { phone: phone.trim() } : {}),
      ...(dateOfBirth ? { dateOfBirth } : {}),
    }),
    DELAY_MS,
  );
  // Debounced as text: an object made afresh each render would never settle.
  const typed = JSON.parse(settled) as { fullName?: string; email?: string; phone?: string; dateOfBirth?: string };
  const asked = Boolean(typed.email || typed.phone || (typed.fullName && typed.dateOfBirth));
  const found = useQuery({ ...trpc.patients.duplicates.queryOptions(typed), enabled: asked });
  const items = asked ? (found.data?.items ?? []) : [];
  if (items.length === 0) return null;
  return (
    <section role="status" aria-label="Possible duplicates" className={styles.duplicates}>
      <p>
        <strong>{items.length === 1 ? "This patient may be on record already:" : "These patients may be on record already:"}</strong>
      </p>
      <ul>
        {items.map((patient) => (
          <li key={patient.id}>
            {patient.fullName} ({patient.matchedOn.map((m) => WHY[m]).join(", ")}){" "}
            <Button variant="link" onClick={() => onUse(patient)}>
              Use this record
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
