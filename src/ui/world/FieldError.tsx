/** A field's error, announced when it appears; renders nothing without a message. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <span className="field__error" id={id} role="alert">
      {message}
    </span>
  )
}
