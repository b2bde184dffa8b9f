import { render } from "preact";
import { t } from "../shared/i18n.ts";
import { startPage } from "../shared/i18n-browser.ts";
import { Options } from "./options.tsx";

const root = document.getElementById("app");
if (root)
  void startPage((c) => {
    document.title = t("options_title");
    render(<Options key={c.code} />, root);
  });
