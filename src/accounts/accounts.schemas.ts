import { Type } from 'typebox';

export const PublicUser = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  emailVerified: Type.Boolean(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  badges: Type.Array(Type.String()),
  role: Type.String(),
  status: Type.String(),
  sanctionUntil: Type.Union([Type.String(), Type.Null()]),
  sanctionReason: Type.Union([Type.String(), Type.Null()]),
});

export const SessionInfo = Type.Object({
  user: Type.Union([PublicUser, Type.Null()]),
  csrfToken: Type.String(),
});

export const Credentials = Type.Object({
  email: Type.String({ maxLength: 254 }),
  password: Type.String({ maxLength: 1024 }),
});

export const Registration = Type.Object({
  email: Type.String({ maxLength: 254 }),
  displayName: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 1024 }),
});

export const BearerToken = Type.Object({ token: Type.String(), expiresIn: Type.Number() });

export const SignedIn = Type.Object({
  user: PublicUser,
  /** for clients that cannot keep cookies (the widget inside another site's page) */
  bearer: BearerToken,
  /** whether a session cookie was set as well */
  cookie: Type.Boolean(),
});

export function publicUser(u: {
  id: string;
  displayName: string;
  email: string | null;
  emailVerified: boolean;
  avatarUrl: string | null;
  badges: string[];
  role: string;
  status: string;
  sanctionUntil: string | null;
  sanctionReason: string | null;
}) {
  return {
    id: u.id,
    displayName: u.displayName,
    email: u.email,
    emailVerified: u.emailVerified,
    avatarUrl: u.avatarUrl,
    badges: u.badges,
    role: u.role,
    status: u.status,
    sanctionUntil: u.sanctionUntil,
    sanctionReason: u.sanctionReason,
  };
}
