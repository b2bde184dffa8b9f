/** An error the user must notice (read out at once: role="alert"), or nothing when there is none. */
export function Alert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p class="error-message" role="alert">
      {message}
    </p>
  );
}
