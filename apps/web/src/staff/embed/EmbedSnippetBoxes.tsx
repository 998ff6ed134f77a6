// The two snippets, ready to copy: the page in the website, or a button that opens it in a dialog.
import { useStaffText } from "../../i18n/staff/useStaffText";
import type { EmbedSnippets } from "./embed-snippets";
import styles from "./embed.module.css";

export function EmbedSnippetBoxes({ snippets }: { snippets: EmbedSnippets }) {
  const { t } = useStaffText();
  return (
    <div className={styles.snippets}>
      <label className={styles.snippet}>
        {t("embed.inline")}
        <textarea readOnly rows={3} value={snippets.inline} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <label className={styles.snippet}>
        {t("embed.button")}
        <textarea readOnly rows={3} value={snippets.button} onFocus={(event) => event.currentTarget.select()} />
      </label>
    </div>
  );
}
