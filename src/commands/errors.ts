/**
 * The error model as the transports see it: a user's mistake is an InputError
 * with a stable code (core/errors.ts), worded by commands/messages.ts; anything
 * else is a bug. Transports throw and test them through here, so none of them
 * imports core.
 */
export { InputError, type InputErrorCode, isInputError } from '../core/errors.ts';
