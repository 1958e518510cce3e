import type { Site } from '../sites/sites.repository.ts';

// The account e-mails' words, apart from when they are sent: each is a
// subject and a text for one address.

export interface AccountMail {
  to: string;
  subject: string;
  text: string;
}

/** An absolute link into the site, for a message read outside it. */
export function siteLink(site: Site, path: string): string {
  return `${site.baseUrl.replace(/\/+$/, '')}${path}`;
}

export function verificationMail(site: Site, to: string, displayName: string, token: string): AccountMail {
  return {
    to,
    subject: `Confirm your e-mail address for ${site.name}`,
    text: `Hello ${displayName},\n\nPlease confirm your e-mail address to start commenting on ${site.name}:\n\n${siteLink(site, `/account/verify?token=${token}`)}\n\nThe link works for 48 hours. If you did not register, ignore this message.\n`,
  };
}

export function alreadyRegisteredMail(site: Site, to: string): AccountMail {
  return {
    to,
    subject: `You already have an account on ${site.name}`,
    text: `Hello,\n\nSomeone (perhaps you) tried to register on ${site.name} with this e-mail address, which already has an account.\n\nLog in: ${siteLink(site, '/account/login')}\nForgotten your password? ${siteLink(site, '/account/forgot')}\n\nIf it was not you, you can ignore this message.\n`,
  };
}

export function passwordResetMail(site: Site, to: string, displayName: string, token: string): AccountMail {
  return {
    to,
    subject: `Reset your ${site.name} password`,
    text: `Hello ${displayName},\n\nTo choose a new password, open this link within an hour:\n\n${siteLink(site, `/account/reset?token=${token}`)}\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n`,
  };
}

export function addressTakenMail(site: Site, to: string): AccountMail {
  return {
    to,
    subject: `This address is already in use on ${site.name}`,
    text: `Hello,\n\nSomeone asked to move their ${site.name} account to this address, but it already belongs to an account. Nothing has changed.\n`,
  };
}

export function confirmNewAddressMail(site: Site, to: string, displayName: string, token: string): AccountMail {
  return {
    to,
    subject: `Confirm your new e-mail address for ${site.name}`,
    text: `Hello ${displayName},\n\nOpen this link within 24 hours to use this address for your ${site.name} account:\n\n${siteLink(site, `/account/email/confirm?token=${token}`)}\n`,
  };
}

export function addressChangedMail(site: Site, to: string, displayName: string, newEmail: string): AccountMail {
  return {
    to,
    subject: `Your ${site.name} e-mail address was changed`,
    text: `Hello ${displayName},\n\nThe e-mail address of your ${site.name} account is now ${newEmail}. If you did not do this, reply to this message or contact the site at once.\n`,
  };
}
