import { isPasswordValid } from '../lib/password'
import { PasswordRules } from './PasswordRules'
import { Field } from './ui'

export interface NewPasswordErrors {
  password?: string
  passwordRepeat?: string
}

export function checkNewPassword(password: string, repeat: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {}
  if (!password) errors.password = 'Choose a new password.'
  else if (!isPasswordValid(password)) errors.password = 'The password does not meet every rule below yet.'
  if (password && repeat !== password) errors.passwordRepeat = 'The two passwords do not match.'
  return errors
}

/** "New password" with the policy shown live, and "Repeat". */
export function NewPasswordFields({
  password,
  repeat,
  errors,
  onPassword,
  onRepeat,
}: {
  password: string
  repeat: string
  errors: NewPasswordErrors
  onPassword: (value: string) => void
  onRepeat: (value: string) => void
}) {
  return (
    <>
      <Field
        label="New password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={errors.password}
        hint={<PasswordRules password={password} />}
      />
      <Field
        label="Repeat the new password"
        type="password"
        name="new-password-repeat"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => onRepeat(e.target.value)}
        error={errors.passwordRepeat}
      />
    </>
  )
}
