/** Import a pack file from disk (checked by the worker exactly like a feed's pack). */
import { t } from "../../shared/i18n.ts";

export function ImportPack(props: { busy: boolean; onFile: (text: string) => void }) {
  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void file.text().then((text) => {
      input.value = "";
      props.onFile(text);
    });
  };
  return (
    <div class="rules-import">
      <h3 id="rules-import-title">{t("import_title")}</h3>
      <label>
        {t("import_label")}
        <input name="pack-file" type="file" accept=".json,application/json" disabled={props.busy} onChange={onChange} />
      </label>
    </div>
  );
}
