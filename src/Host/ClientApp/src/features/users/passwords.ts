/** The Host's minimum (UserSeedOptions.MinimumPasswordLength); the server checks it too. */
export const minimumPasswordLength = 8;
