import { useState } from "preact/hooks";
import { copyText } from "./files.ts";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<string>("");
  const copy = async () => {
    try {
      await copyText(text);
      setDone("Copied");
    } catch {
      setDone("Copy failed: select the text and copy it");
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
