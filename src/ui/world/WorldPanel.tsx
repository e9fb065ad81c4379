import { ChannelForm } from './ChannelForm.tsx'
import { EntityForms } from './EntityForms.tsx'
import { MembershipForms } from './MembershipForms.tsx'

/** The world: users, guilds, channels, roles, members, friendships. */
export function WorldPanel() {
  return (
    <div className="form-stack">
      <EntityForms />
      <ChannelForm />
      <MembershipForms />
    </div>
  )
}
