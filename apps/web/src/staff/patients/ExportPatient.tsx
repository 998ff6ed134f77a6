// The patient's right of access: an owner or admin fetches everything the clinic holds about the
// patient (audited by the server) and downloads it as JSON and as a readable text document.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import styles from "./patients.module.css";

type Files = { json: string; document: string; fileName: string };

export function ExportPatient({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<Files | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // The downloads are object URLs: released when replaced or when the page goes.
  useEffect(() => () => {
    if (files) {
      URL.revokeObjectURL(files.json);
      URL.revokeObjectURL(files.document);
    }
  }, [files]);

  const run = async () => {
    setPending(true);
    setFailure(null);
    try {
      // Each export is a fresh, audited read: never served from the cache.
      const answer = await queryClient.fetchQuery({ ...trpc.patients.export.queryOptions({ patientId }), staleTime: 0, gcTime: 0 });
      setFiles({
        json: URL.createObjectURL(new Blob([JSON.stringify(answer.data, null, 2)], { type: "application/json" })),
        document: URL.createObjectURL(new Blob([answer.document], { type: "text/plain;charset=utf-8" })),
        fileName: answer.fileName,
      });
    } catch (error) {
      setFailure(summarizeFailure(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className={styles.export}>
      <Button variant="secondary" disabled={pending} onClick={() => void run()}>
        Export data
      </Button>
      {files ? (
        <p role="status">
          Export ready: <a href={files.document} download={`${files.fileName}.txt`}>readable document</a> ·{" "}
          <a href={files.json} download={`${files.fileName}.json`}>JSON</a>
        </p>
      ) : null}
      {failure ? <ErrorNotice title="The export failed" message={failure} /> : null}
    </div>
  );
}
