/** Options: the cases section. */
export function CasesSection() {
  return null;
}
