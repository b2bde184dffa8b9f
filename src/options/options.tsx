/** Options page. Sections (rules, role and profile, cases) grow here, one component each. */
export function Options() {
  return (
    <div class="options">
      <h1>Copycatch</h1>
      <p>
        Copycatch checks marketplace listings against brand rules kept in this browser. Nothing leaves your browser
        unless you file a report or subscribe to a rule feed.
      </p>
    </div>
  );
}
