import { useState } from "preact/hooks";
import { t } from "../shared/i18n.ts";
import { copyText } from "./files.ts";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<string>("");
  const copy = async () => {
    try {
      await copyText(text);
      setDone(t("copied"));
    } catch {
      setDone(t("copy_failed"));
    }
  };
  return (
    <>
      <button type="button" class="secondary copy" onClick={copy}>
        {label}
      </button>
      <span class="copy-status" role="status">
        {done}
      </span>
    </>
  );
}
