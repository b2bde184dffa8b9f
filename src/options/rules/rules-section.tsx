/** Options: the rules section. */
export function RulesSection() {
  return null;
}
