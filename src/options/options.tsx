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
        unless you file a report, subscribe to a rule feed, or, as an agent, switch on takedown re-checks (one request
        to a filed listing's own address, without cookies) or trusted time (the case manifest's hash sent to the
        time-stamping authority you set).
      </p>
      <RulesSection />
      <ProfileSection />
      <CasesSection />
    </div>
  );
}
