/**
 * A reason an email can never be sent as it stands (its campaign or step is gone, its recipient is not one
 * address, code-inventory refused its code): the email is marked `failed` at once. Any other error while
 * building or sending it is taken as passing and the email is tried again later (EmailClaims.deferAfterFailure).
 */
export class PermanentEmailError extends Error {}
