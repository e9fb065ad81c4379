/** Messages by field name. */
export type FormErrors = Readonly<Record<string, string>>

type Field = HTMLInputElement | HTMLSelectElement

/** A field's label text, for messages ("Shard id"). */
function labelOf(el: Field): string {
  return el.labels?.[0]?.querySelector('span')?.textContent?.trim() ?? el.name
}

/**
 * The name a field's message is filed under: its own, or for a search that stands for a select
 * (SearchSelect: the value travels in a hidden input) the name it stands for.
 */
function nameOf(el: Field): string {
  return el.name || el.dataset.name || ''
}

/** The visible field the user fixes for `name` (not a hidden input), to move focus to it. */
export function fieldNamed(form: HTMLFormElement, name: string): Field | undefined {
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) continue
    if (el.type !== 'hidden' && nameOf(el) === name) return el
  }
  return undefined
}

/** What is wrong with one field, or undefined. */
function fieldError(el: Field): string | undefined {
  const label = labelOf(el)
  const blank = el.value.trim() === ''
  if (el instanceof HTMLSelectElement) {
    return el.required && blank ? `No ${label.toLowerCase()} to choose from yet.` : undefined
  }
  if (el.type === 'number') {
    const { validity } = el
    if (validity.badInput) return `${label} must be a number.`
    if (el.required && blank) return `${label} is required: type a number.`
    if (validity.stepMismatch) return `${label} must be a whole number.`
    if (validity.rangeUnderflow) return `${label} must be ${el.min} or more.`
    if (validity.rangeOverflow) return `${label} must be ${el.max} or less.`
    return undefined
  }
  if (el.type === 'search') {
    if (el.required && blank) return `${label} is required: type a name or id and pick one.`
    return el.validity.customError ? el.validationMessage : undefined
  }
  if (el.required && blank) {
    const example = el.placeholder ? `: “${el.placeholder}” is only an example` : ''
    return `${label} is required${example}.`
  }
  return el.validity.customError ? el.validationMessage : undefined
}

/**
 * What is wrong with a form's fields, in words, before anything is sent: an empty required field (blank
 * counts as empty: values are trimmed when read), a select with nothing to choose, a number that is not
 * a whole number or is out of range, a search that names nothing. A placeholder is an example and never
 * a value.
 */
export function formErrors(form: HTMLFormElement): FormErrors {
  const errors: Record<string, string> = {}
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) continue
    const name = nameOf(el)
    if (!name || el.type === 'hidden' || el.disabled || errors[name] !== undefined) continue
    const error = fieldError(el)
    if (error !== undefined) errors[name] = error
  }
  return errors
}
