/** Options page: one section per concern, each in its own folder. */
import { t } from "../shared/i18n.ts";
import { CasesSection } from "./cases/cases-section.tsx";
import { LanguageSection } from "./language-section.tsx";
import { ProfileSection } from "./profile/profile-section.tsx";
import { RulesSection } from "./rules/rules-section.tsx";

export function Options() {
  return (
    <div class="options">
      <h1>Copycatch</h1>
      <p>{t("options_intro")}</p>
      <LanguageSection />
      <RulesSection />
      <ProfileSection />
      <CasesSection />
    </div>
  );
}
