/** Options: the profile section. */
export function ProfileSection() {
  return null;
}
