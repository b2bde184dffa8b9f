/** Options page: one section per concern, each in its own folder. */
import { CasesSection } from "./cases/cases-section.tsx";
import { ProfileSection } from "./profile/profile-section.tsx";
import { RulesSection } from "./rules/rules-section.tsx";

export function Options() {
  return (
    <div class="options">
      <h1>Copycatch</h1>
      <p>
        Copycatch checks marketplace listings against brand rules kept in this browser. Nothing leaves your browser
        unless you file a report or subscribe to a rule feed.
      </p>
      <RulesSection />
      <ProfileSection />
      <CasesSection />
    </div>
  );
}
