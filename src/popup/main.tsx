import { render } from "preact";
import { t } from "../shared/i18n.ts";
import { startPage } from "../shared/i18n-browser.ts";
import { App } from "./app.tsx";

const root = document.getElementById("app");
if (root)
  void startPage((c) => {
    document.title = t("extName");
    render(<App key={c.code} />, root);
  });
