import { PASSWORD_RULES } from '../lib/password'

/** The password policy as a checklist that ticks off as the person types. */
export function PasswordRules({ password }: { password: string }) {
  return (
    <ul className="password-rules" aria-label="Password rules">
      {PASSWORD_RULES.map((rule) => {
        const ok = rule.test(password)
        return (
          <li key={rule.id} className={ok ? 'rule-ok' : ''}>
            <span className="rule-mark" aria-hidden="true">
              {ok ? '✓' : '•'}
            </span>
            {rule.label}
            <span className="visually-hidden">{ok ? ' (met)' : ' (not met yet)'}</span>
          </li>
        )
      })}
    </ul>
  )
}
