// Virtual MFA devices on IAM users. EnableMFADevice takes the user, the device's serial number and two
// consecutive codes the device showed (AuthenticationCode1 and AuthenticationCode2: six digits each, and two
// consecutive codes are never equal), and refuses a device already in use or a user with eight devices
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html,
//  https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html).
//
// Once a user has a device, IAM asks for a code at every console sign-in, so the player signed in as that user
// carries aws:MultiFactorAuthPresent = true from then on (mfaSignedIn). Access keys are another matter: a request
// signed with a long-term key carries no MFA key at all, whatever devices its user has (conditions.ts).

import { findUser, noSuchUser, type Directory, type DirectoryResult } from './directory.ts';
import { MAX_MFA_DEVICES_PER_USER } from './quotas.ts';
import { refuse } from './refusals.ts';

/** A device name as IAM's SerialNumber path accepts it: letters, digits and +=,.@_- up to 64 characters. */
const DEVICE_NAME = /^[\w+=,.@-]{1,64}$/;
const CODE = /^\d{6}$/;

export function mfaDevicesOf(directory: Directory, user: string): readonly string[] {
  return findUser(directory, user)?.mfaDevices ?? [];
}

/** Whether a console session of this user is MFA-authenticated: it is, once the user has a device. */
export function mfaSignedIn(directory: Directory, user: string): boolean {
  return mfaDevicesOf(directory, user).length > 0;
}

export function enableMfaDevice(directory: Directory, user: string, device: string, code1: string, code2: string): DirectoryResult {
  const holder = findUser(directory, user);
  if (!holder) return noSuchUser(user);
  if (!DEVICE_NAME.test(device)) return refuse('invalid-name', `The MFA device name "${device.slice(0, 70)}" must be 1 to 64 letters, digits or +=,.@_- characters.`);
  if (!CODE.test(code1) || !CODE.test(code2)) return refuse('invalid-authentication-code', 'Each authentication code is the six digits the virtual MFA device shows.');
  if (code1 === code2) return refuse('invalid-authentication-code', 'Enter two consecutive codes from the device: the second appears after the first changes, so they differ.');
  if (directory.users.some((u) => (u.mfaDevices ?? []).includes(device))) return refuse('already-exists', `MFA device ${device} is already in use.`);
  const devices = holder.mfaDevices ?? [];
  if (devices.length >= MAX_MFA_DEVICES_PER_USER) {
    return refuse('limit-exceeded', `User ${user} already has ${MAX_MFA_DEVICES_PER_USER} MFA devices, the most IAM allows.`);
  }
  const users = directory.users.map((u) => (u === holder ? { ...u, mfaDevices: [...devices, device] } : u));
  return { ok: true, directory: { ...directory, users } };
}

/** DeactivateMFADevice: the device no longer signs the user in; without devices the user's sessions lack MFA. */
export function deactivateMfaDevice(directory: Directory, user: string, device: string): DirectoryResult {
  const holder = findUser(directory, user);
  if (!holder) return noSuchUser(user);
  const devices = holder.mfaDevices ?? [];
  if (!devices.includes(device)) return refuse('no-such-mfa-device', `User ${user} has no MFA device ${device}.`);
  const users = directory.users.map((u) => (u === holder ? { ...u, mfaDevices: devices.filter((d) => d !== device) } : u));
  return { ok: true, directory: { ...directory, users } };
}
